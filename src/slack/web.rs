//! The Web API calls the front end makes besides answering: one client and bot token shared by
//! the listener and the scheduler's outbox, each member's direct-message channel opened once and
//! kept (a nudge then costs one request), and a file sent with Slack's current upload flow
//! (`files.getUploadURLExternal`, the bytes to the URL it gives, `files.completeUploadExternal`).

use crate::present::Attachment;
use slack_morphism::errors::SlackClientError;
use slack_morphism::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub(super) struct Web {
    client: Arc<SlackHyperClient>,
    token: SlackApiToken,
    /// Each member's direct-message channel, once opened.
    direct_channels: Mutex<HashMap<String, SlackChannelId>>,
}

impl Web {
    pub(super) fn new(client: Arc<SlackHyperClient>, token: SlackApiToken) -> Self {
        Web { client, token, direct_channels: Mutex::default() }
    }

    pub(super) fn session(&self) -> SlackClientSession<'_, SlackClientHyperHttpsConnector> {
        self.client.open_session(&self.token)
    }

    /// The member's direct-message channel, if it was opened before.
    pub(super) fn known_direct_channel(&self, user_id: &str) -> Option<SlackChannelId> {
        self.direct_channels.lock().expect("the channel map").get(user_id).cloned()
    }

    /// The member's direct-message channel: kept, or opened (opening twice is harmless).
    pub(super) async fn direct_channel(&self, user_id: &str) -> Result<SlackChannelId, SlackClientError> {
        if let Some(known) = self.known_direct_channel(user_id) {
            return Ok(known);
        }
        let request = SlackApiConversationsOpenRequest::new().with_users(vec![user_id.to_string().into()]);
        let channel = self.session().conversations_open(&request).await?.channel.id;
        self.direct_channels.lock().expect("the channel map").insert(user_id.to_string(), channel.clone());
        Ok(channel)
    }

    /// The member's profile from `users.info`: their admin flags and zone.
    pub(super) async fn user(&self, user_id: &str) -> Result<SlackUser, SlackClientError> {
        let request = SlackApiUsersInfoRequest::new(user_id.to_string().into());
        Ok(self.session().users_info(&request).await?.user)
    }

    /// Shares the file in the channel with `title` above it.
    pub(super) async fn upload(
        &self,
        channel: SlackChannelId,
        file: &Attachment,
        title: &str,
    ) -> Result<(), SlackClientError> {
        let session = self.session();
        let asked = SlackApiFilesGetUploadUrlExternalRequest::new(file.name.clone(), file.bytes.len())
            .with_alt_txt(title.to_string());
        let target = session.get_upload_url_external(&asked).await?;
        let content_type = if file.name.ends_with(".png") { "image/png" } else { "application/octet-stream" };
        let bytes = SlackApiFilesUploadViaUrlRequest::new(target.upload_url, file.bytes.clone(), content_type.into());
        session.files_upload_via_url(&bytes).await?;
        let done = SlackApiFilesComplete::new(target.file_id).with_title(title.to_string());
        let complete = SlackApiFilesCompleteUploadExternalRequest::new(vec![done]).with_channel_id(channel);
        session.files_complete_upload_external(&complete).await?;
        Ok(())
    }
}
