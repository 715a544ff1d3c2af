//! A slash command's options as Discord sends them, read by name. The same reading serves both
//! ways an interaction arrives, the gateway (through poise) and HTTP mode, so the two cannot
//! answer differently. What a missing required option means: the command registered at Discord
//! differs from this build's, which the user is told as an unknown command.

use crate::error::{Error, UserError};
use poise::serenity_prelude as serenity;
use serenity::{ResolvedOption, ResolvedValue, Unresolved};

/// The options of one command or subcommand.
pub(crate) struct Options<'a>(Vec<ResolvedOption<'a>>);

/// A user option: the id, and the name shown for them.
pub(crate) struct UserOption {
    pub id: String,
    pub name: String,
}

/// A role option: the id, and the name shown for it (its mention when Discord left it out).
pub(crate) struct RoleOption {
    pub id: String,
    pub name: String,
}

impl<'a> Options<'a> {
    /// The command's options; for a command with subcommands, the subcommand's name and options.
    pub(crate) fn of(data: &'a serenity::CommandData) -> (Option<&'a str>, Options<'a>) {
        let mut options = data.options();
        if let [ResolvedOption { name, value: ResolvedValue::SubCommand(inner), .. }] = options.as_mut_slice() {
            return (Some(*name), Options(std::mem::take(inner)));
        }
        (None, Options(options))
    }

    fn value(&self, name: &str) -> Option<&ResolvedValue<'a>> {
        self.0.iter().find(|option| option.name == name).map(|option| &option.value)
    }

    pub(crate) fn string(&self, name: &str) -> Option<&'a str> {
        match self.value(name)? {
            ResolvedValue::String(text) | ResolvedValue::Autocomplete { value: text, .. } => Some(text),
            _ => None,
        }
    }

    pub(crate) fn integer(&self, name: &str) -> Option<i64> {
        match self.value(name)? {
            ResolvedValue::Integer(number) => Some(*number),
            _ => None,
        }
    }

    pub(crate) fn boolean(&self, name: &str) -> Option<bool> {
        match self.value(name)? {
            ResolvedValue::Boolean(on) => Some(*on),
            _ => None,
        }
    }

    /// A choice option, declared with poise's `ChoiceParameter` (sent as the choice's index).
    pub(crate) fn choice<T: poise::ChoiceParameter>(&self, name: &str) -> Option<T> {
        T::from_index(usize::try_from(self.integer(name)?).ok()?)
    }

    pub(crate) fn user(&self, name: &str) -> Option<UserOption> {
        match self.value(name)? {
            ResolvedValue::User(user, _) => Some(UserOption { id: user.id.to_string(), name: user.name.clone() }),
            ResolvedValue::Unresolved(Unresolved::User(id)) => {
                Some(UserOption { id: id.to_string(), name: format!("member {id}") })
            }
            _ => None,
        }
    }

    pub(crate) fn role(&self, name: &str) -> Option<RoleOption> {
        match self.value(name)? {
            ResolvedValue::Role(role) => Some(RoleOption { id: role.id.to_string(), name: role.name.clone() }),
            ResolvedValue::Unresolved(Unresolved::RoleId(id)) => {
                Some(RoleOption { id: id.to_string(), name: format!("role {id}") })
            }
            _ => None,
        }
    }

    pub(crate) fn channel(&self, name: &str) -> Option<String> {
        match self.value(name)? {
            ResolvedValue::Channel(channel) => Some(channel.id.to_string()),
            ResolvedValue::Unresolved(Unresolved::Channel(id)) => Some(id.to_string()),
            _ => None,
        }
    }
}

/// A required option: Discord always sends one, unless the registration is of another build.
pub(crate) fn required<T>(value: Option<T>) -> Result<T, Error> {
    value.ok_or_else(|| UserError::UnknownCommand.into())
}
