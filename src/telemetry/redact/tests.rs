//! The redactor's patterns and its writer: what is masked, and what is left readable.

use super::*;

const BOT_TOKEN: &str = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB";

fn redactor() -> Redactor {
    Redactor::new([BOT_TOKEN.to_string(), "db-pa$$-w0rd".to_string(), "ab".to_string()])
}

#[test]
fn configured_secrets_are_replaced_wherever_they_appear() {
    let line = format!("authorization: Bot {BOT_TOKEN} url=sqlite://u:db-pa$$-w0rd@h/x");
    let shown = redactor().redact(&line);
    assert!(!shown.contains("GAbCdE") && !shown.contains("pa$$"), "{shown}");
    let hex: String = "db-pa$$-w0rd".bytes().map(|b| format!("{b:02x}")).collect();
    assert_eq!(redactor().redact(&format!("payload: 0x{hex}")), "payload: 0x[redacted]");
}

#[test]
fn short_secrets_are_left_alone_so_the_log_stays_readable() {
    assert_eq!(redactor().redact("about a cab"), "about a cab");
}

#[test]
fn interaction_and_webhook_tokens_in_urls_are_masked() {
    let line = "POST http://127.0.0.1:3000/api/v10/interactions/1234/aW50ZXJhY3Rpb246MTIz/callback?with_response=false";
    assert_eq!(
        redactor().redact(line),
        "POST http://127.0.0.1:3000/api/v10/interactions/1234/[redacted]/callback?with_response=false"
    );
    let line = r#"url: "https://discord.com/api/v10/webhooks/99/tok-en_123/messages/@original""#;
    assert_eq!(
        redactor().redact(line),
        r#"url: "https://discord.com/api/v10/webhooks/99/[redacted]/messages/@original""#
    );
}

#[test]
fn token_fields_are_masked_in_debug_json_and_nested_json() {
    let cases = [
        r#"route: InteractionResponse { interaction_id: InteractionId(1), token: "secret-one" }"#,
        r#"{"type":2,"token":"secret-one","id":"1"}"#,
        r#"{"message":"event {\"token\":\"secret-one\"}"}"#,
        "interaction_token=secret-one",
        "\x1b[3mtoken\x1b[0m\x1b[2m=\x1b[0m\"secret-one\"",
    ];
    for line in cases {
        let shown = redactor().redact(line);
        assert!(!shown.contains("secret-one") && shown.contains(REDACTED), "{line} -> {shown}");
    }
    assert_eq!(redactor().redact("3 tokens: fine, token_count=4"), "3 tokens: fine, token_count=4");
}

#[test]
fn unconfigured_discord_and_slack_tokens_are_masked_by_shape() {
    let other = "ODk4NzY1NDMyMTA5ODc2NTQz.Xyz123.ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ";
    let line = format!("token {other} and xoxb-1234-5678-abcdef here");
    let shown = Redactor::default().redact(&line);
    assert_eq!(shown, "token [redacted] and [redacted] here");
    assert_eq!(Redactor::default().redact("version 1.2.3 of crate.rs"), "version 1.2.3 of crate.rs");
}

#[test]
fn the_writer_redacts_an_event_written_in_pieces() {
    let sink = Arc::new(std::sync::Mutex::new(Vec::new()));
    let make = {
        let sink = Arc::clone(&sink);
        move || SinkWriter(Arc::clone(&sink))
    };
    let writer = RedactingWriter::new(make, Arc::new(redactor()));
    {
        let mut event = writer.make_writer();
        let (first, second) = BOT_TOKEN.split_at(20);
        write!(event, "token is {first}").unwrap();
        writeln!(event, "{second}").unwrap();
        event.flush().unwrap();
    }
    assert_eq!(String::from_utf8(sink.lock().unwrap().clone()).unwrap(), "token is [redacted]\n");
}

struct SinkWriter(Arc<std::sync::Mutex<Vec<u8>>>);

impl Write for SinkWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
