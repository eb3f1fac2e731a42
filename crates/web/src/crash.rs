//! If anything unexpected happens inside the widget (a bug, not bad input: input errors are
//! always handled), the officer sees a panel that says so instead of a frozen or blank box.

use std::cell::RefCell;

thread_local! {
    static CONTAINERS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

/// Remembers a container to show the panel in, and installs the hook once. `mount` calls it
/// before it reads its options or checks any policy, so a panic there shows the panel too.
pub fn guard(container: &web_sys::Element) {
    CONTAINERS.with(|c| c.borrow_mut().push(container.clone()));
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("probity: {info}").into());
            CONTAINERS.with(|c| {
                for container in c.borrow().iter() {
                    show_panel(container);
                }
            });
        }));
    });
}

fn show_panel(container: &web_sys::Element) {
    let Some(document) = container.owner_document() else { return };
    let make = |tag: &str, class: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_class_name(class);
        el.set_text_content(Some(text));
        Some(el)
    };
    let (Some(panel), Some(title), Some(body), Some(help)) = (
        make("div", "pb-error-summary", ""),
        make("h2", "pb-error-summary__title", "Something went wrong"),
        make("p", "pb-body", "This tool stopped unexpectedly. Your answers were not sent anywhere."),
        make(
            "p",
            "pb-body",
            "Reload the page to start again. If it happens again, tell whoever looks after this page.",
        ),
    ) else {
        return;
    };
    let _ = panel.set_attribute("role", "alert");
    // The element's script sees this and leaves it, rather than cover it with the bare exception.
    let _ = panel.set_attribute("data-crash", "");
    let _ = panel.append_with_node_3(&title, &body, &help);
    container.set_text_content(None);
    let _ = container.append_child(&panel);
}
