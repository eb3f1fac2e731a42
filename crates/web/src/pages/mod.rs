//! One component per page type, each following a GOV.UK Design System pattern.

pub mod check;
pub mod compare;
pub mod details;
pub mod interests;
pub mod messages;
pub mod outcome;
pub mod question;
pub mod record;
pub mod start;
pub mod verdict;

use yew::prelude::*;

/// How the host page set the widget up, for every page (a Yew context from `App`).
#[derive(Clone, Debug, PartialEq)]
pub struct Ui {
    /// The level of the widget's main heading (`heading-level="2"` on a page with its own h1);
    /// the headings below it follow on from it.
    pub heading_level: u8,
    /// Kiosk mode: a shared screen, so nothing the officer types is offered to the next person.
    pub kiosk: bool,
    /// The host keeps its own page title (`keep-title`).
    pub keep_title: bool,
}

impl Default for Ui {
    fn default() -> Self {
        Ui { heading_level: 1, kiosk: false, keep_title: false }
    }
}

impl Ui {
    /// The tag for a heading `depth` levels below the widget's main one (0 is the main heading).
    pub fn heading(&self, depth: u8) -> String {
        format!("h{}", self.heading_level.saturating_add(depth).clamp(1, 6))
    }
}

#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// Levels below the widget's main heading: 0 is the page's own heading.
    pub depth: u8,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    /// `-1` for a heading that takes focus when its page opens.
    #[prop_or_default]
    pub tabindex: Option<AttrValue>,
    /// Marks the heading `browser::focus_marked` moves focus to.
    #[prop_or_default]
    pub data_focus: Option<AttrValue>,
    #[prop_or_default]
    pub node_ref: NodeRef,
    #[prop_or_default]
    pub children: Html,
}

/// A heading at the level the host asked for (`heading-level`). The one place with a tag chosen
/// at run time: Yew expands each such tag three times over, so every heading comes through here.
#[function_component(Heading)]
pub fn heading(props: &HeadingProps) -> Html {
    let tag = use_ui().heading(props.depth);
    html! {
        <@{tag} class={props.class.clone()} id={props.id.clone()} tabindex={props.tabindex.clone()}
            data-focus={props.data_focus.clone()} ref={props.node_ref.clone()}>{ props.children.clone() }</@>
    }
}

/// The page's `Ui` (the default when rendered outside `App`'s provider, as in tests).
#[hook]
pub fn use_ui() -> Ui {
    use_context::<Ui>().unwrap_or_default()
}

/// An error summary link: moves focus to the field inside the widget without following the
/// link, so the host page's URL, its history and its scroll position stay as they were.
pub fn focus_field(id: String) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        let target: Option<web_sys::Element> = e.target_dyn_into::<web_sys::Element>();
        let root = target.and_then(|t| t.closest(".pb-widget").ok().flatten());
        if let Some(root) = root {
            if let Ok(Some(el)) = root.query_selector(&format!("#{id}")) {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        }
    })
}
