//! tokenctl: manage personal access tokens and service tokens.
//!
//! The domain (`model`, `secret`, `policy`, `service`, `store`, `scan`) knows
//! nothing about the terminal; `cli`, `cmd` and `output` are the command-line face.
//!
//! What a module keeps to the crate says `pub(crate)`: a bare `pub` is only
//! for what the crate's own API (and so its integration tests) can reach.

#![warn(unreachable_pub)]

pub mod api;
pub mod audit_batch;
pub mod auth;
pub mod backend;
pub mod cli;
pub mod clipboard;
pub mod cmd;
pub mod config;
pub mod credential_cache;
pub mod env;
pub mod error;
pub mod exchange;
pub mod federation;
pub mod files;
pub mod hashing;
pub mod http;
pub mod jose;
pub mod json_object;
pub mod leak_report;
pub mod lockout;
pub mod mail;
pub mod metrics;
pub mod model;
pub mod network;
pub mod oauth;
pub mod outbox;
pub mod output;
pub mod paging;
pub mod policy;
pub mod rate_limit;
pub mod recovery;
pub mod requests;
pub mod scan;
pub mod secret;
pub mod server;
pub mod service;
pub mod session;
pub mod store;
pub mod time;
pub mod webhook;
