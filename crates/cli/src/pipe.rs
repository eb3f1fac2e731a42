//! A closed output pipe ends the command quietly, as it does for `cat` or `grep`.
//!
//! Rust ignores SIGPIPE, so `probity paths … | head` makes `println!` fail with "Broken pipe"
//! once `head` has read enough, and `println!` panics on that: a Rust panic message and exit
//! code 101 for what the reader asked for. Restoring the default signal needs `unsafe` (denied
//! here), so the panic is recognised instead and the process exits as a shell expects of a
//! command stopped by SIGPIPE (128 + 13), saying nothing.

/// Installs the hook; call it first in `main`.
pub fn quiet_on_closed_stdout() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info);
    }));
}
