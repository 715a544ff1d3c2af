//! A small `multipart/form-data` reader for the bodies serenity sends with attachments (reqwest's form:
//! a `payload_json` text part and `files[N]` file parts). It handles what reqwest writes, not every
//! corner of RFC 7578 (no nested multiparts, no `;` inside quoted parameters), which is enough for a fake.

/// One part of the form.
pub(super) struct Part {
    pub name: String,
    pub filename: Option<String>,
    pub data: Vec<u8>,
}

/// The `boundary` parameter of a `multipart/form-data` content type.
pub(super) fn boundary(content_type: &str) -> Option<String> {
    let mut params = content_type.split(';').map(str::trim);
    if !params.next()?.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.find_map(|p| p.strip_prefix("boundary=")).map(|b| b.trim_matches('"').to_string())
}

/// Splits a body into its parts.
pub(super) fn parse(body: &[u8], boundary: &str) -> Result<Vec<Part>, String> {
    let delimiter = format!("--{boundary}").into_bytes();
    let mut parts = Vec::new();
    // The first piece is the (empty) preamble; the piece after the closing delimiter starts with `--`.
    for piece in split(body, &delimiter).into_iter().skip(1) {
        if piece.starts_with(b"--") {
            return Ok(parts);
        }
        parts.push(part(piece)?);
    }
    Err("the multipart body has no closing delimiter".to_string())
}

fn part(piece: &[u8]) -> Result<Part, String> {
    let piece = piece.strip_prefix(b"\r\n").ok_or("a multipart delimiter not followed by CRLF")?;
    let end = find(piece, b"\r\n\r\n").ok_or("a multipart part without a blank line after its headers")?;
    let headers = std::str::from_utf8(&piece[..end]).map_err(|_| "multipart part headers are not UTF-8")?;
    let data = &piece[end + 4..];
    // The CRLF before the next delimiter belongs to the delimiter, not to the data.
    let data = data.strip_suffix(b"\r\n").unwrap_or(data).to_vec();
    let disposition = headers
        .lines()
        .find_map(|line| line.split_once(':').filter(|(k, _)| k.trim().eq_ignore_ascii_case("content-disposition")))
        .map(|(_, value)| value)
        .ok_or("a multipart part without Content-Disposition")?;
    let name = param(disposition, "name").ok_or("a multipart part without a name")?;
    Ok(Part { name, filename: param(disposition, "filename"), data })
}

/// A parameter of a header value such as `form-data; name="files[0]"; filename="a.png"`.
fn param(header: &str, key: &str) -> Option<String> {
    header.split(';').map(str::trim).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

fn split<'a>(mut body: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut pieces = Vec::new();
    while let Some(at) = find(body, delimiter) {
        pieces.push(&body[..at]);
        body = &body[at + delimiter.len()..];
    }
    pieces.push(body);
    pieces
}
