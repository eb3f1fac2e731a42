//! The widget's whole state and its one reducer.
//!
//! Everything the officer sees is derived from this state; every change goes through
//! [`Action`]. The reducer is pure: storage, history, focus and downloads happen in effects
//! and callbacks in the components, never here. That is what lets the browser's Back button,
//! the Back link and a reload all land on the same page.

use crate::catalog::Bundle;
use probity_core::declaration::Declarant;
use probity_core::model::{Policy, Tree};
use probity_core::session::{Page, Session};
use probity_core::value::Value;
use std::rc::Rc;
use yew::Reducible;

/// Which screen is showing, beyond what the session says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// Choose a council and a question.
    Start,
    /// Walking a tree: a question page or the outcome, as the session says.
    Walk,
    /// The outcome compared across councils.
    Compare,
}

/// The error on the current question, kept with the text that caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub fact: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub bundle: Rc<Bundle>,
    /// Set by the host page (`policy="kent"`): the council cannot be changed.
    pub fixed_policy: Option<String>,
    pub policy: Option<String>,
    pub session: Option<Session>,
    pub view: View,
    /// What is typed or selected on the current question, not yet submitted.
    pub draft: String,
    pub error: Option<FieldError>,
    pub search: String,
    pub declarant: Declarant,
    /// Counts page changes, so effects know when to move focus and push history.
    pub page_seq: u64,
    /// True when the last page change came from the browser's history (so it is not pushed again).
    pub from_history: bool,
    /// The tree the host configured the widget to open (`tree="gifts"`), when it exists: a reset
    /// (kiosk idle, Start again) returns there, not to the council's list of questions.
    pub start_tree: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    ChooseCouncil(String),
    ChooseTree(String),
    Search(String),
    Draft(String),
    Continue,
    Back,
    Change(String),
    Restart,
    SetName(String),
    SetJobTitle(String),
    SetTeam(String),
    SetEmail(String),
    ShowCompare,
    HideCompare,
    /// The browser went back or forward to a page named by this key.
    Navigate(String),
    /// Restores a saved session (from sessionStorage) after a reload.
    Restore {
        policy: String,
        session: Session,
    },
}

impl State {
    pub fn new(bundle: Rc<Bundle>, fixed_policy: Option<String>, tree: Option<String>) -> Self {
        let policy = fixed_policy.clone().filter(|p| bundle.catalog.policy(p).is_some());
        let mut s = State {
            bundle,
            fixed_policy: policy.clone(),
            policy,
            session: None,
            view: View::Start,
            draft: String::new(),
            error: None,
            search: String::new(),
            declarant: Declarant::default(),
            page_seq: 0,
            from_history: false,
            start_tree: None,
        };
        if let (Some(p), Some(t)) = (s.policy.clone(), tree) {
            if s.bundle.catalog.policy(&p).and_then(|pol| pol.tree(&t)).is_some() {
                s.start_tree = Some(t.clone());
                s.session = Some(Session::new(t));
                s.view = View::Walk;
                s.sync_draft();
            }
        }
        s
    }

    pub fn policy(&self) -> Option<&Policy> {
        self.policy.as_deref().and_then(|p| self.bundle.catalog.policy(p))
    }

    pub fn tree(&self) -> Option<&Tree> {
        let session = self.session.as_ref()?;
        self.policy()?.tree(&session.tree)
    }

    /// The page the session is on, when walking.
    pub fn page(&self) -> Option<Page<'_>> {
        let policy = self.policy()?;
        self.session.as_ref()?.page(policy).ok()
    }

    /// A key for the browser history entry of the current page.
    pub fn page_key(&self) -> String {
        match (&self.view, &self.session, self.policy()) {
            (View::Start, _, _) | (_, None, _) | (_, _, None) => "start".to_string(),
            (View::Compare, _, _) => "compare".to_string(),
            (View::Walk, Some(s), Some(p)) => s.page_key(p),
        }
    }

    /// Sets the draft to the current question's saved answer (so Back and Change show it).
    fn sync_draft(&mut self) {
        let draft = match self.page() {
            Some(Page::Question { current: Some(v), .. }) => draft_of(&v),
            _ => String::new(),
        };
        self.draft = draft;
    }

    fn moved(mut self, from_history: bool) -> Self {
        self.error = None;
        self.sync_draft();
        self.page_seq += 1;
        self.from_history = from_history;
        self
    }
}

/// The text a field shows for a saved answer.
pub fn draft_of(v: &Value) -> String {
    match v {
        Value::Option(id) => id.clone(),
        Value::Money(d) => probity_core::money::to_pence_scale(*d).to_string(),
        Value::Number(n) => n.to_string(),
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        let next = match action {
            Action::ChooseCouncil(p) => {
                if s.fixed_policy.is_none() && s.bundle.catalog.policy(&p).is_some() {
                    s.policy = Some(p);
                    s.session = None;
                }
                s.error = None;
                s
            }
            Action::ChooseTree(t) => {
                if s.policy().and_then(|p| p.tree(&t)).is_some() {
                    s.session = Some(Session::new(t));
                    s.view = View::Walk;
                    s.moved(false)
                } else {
                    s
                }
            }
            Action::Search(q) => {
                s.search = q;
                s
            }
            Action::Draft(d) => {
                s.draft = d;
                s
            }
            Action::Continue => {
                let fact = match s.page() {
                    Some(Page::Question { fact, .. }) => Some(fact.id.clone()),
                    _ => None,
                };
                // Borrow the policy from a second handle on the bundle (an Rc clone), so the
                // session can change beside it without copying the whole policy.
                let bundle = s.bundle.clone();
                let policy = s.policy.as_deref().and_then(|p| bundle.catalog.policy(p));
                let (Some(fact), Some(policy)) = (fact, policy) else { return self };
                let draft = s.draft.clone();
                let Some(session) = s.session.as_mut() else { return self };
                match session.answer_text(policy, &fact, &draft) {
                    Ok(()) => s.moved(false),
                    Err(e) => {
                        // The officer's text and every earlier answer stay as they were.
                        s.error = Some(FieldError { fact, message: e.field_message() });
                        s.page_seq += 1;
                        s.from_history = false;
                        s
                    }
                }
            }
            Action::Back => {
                if s.view == View::Compare {
                    s.view = View::Walk;
                    return Rc::new(s.moved(false));
                }
                let bundle = s.bundle.clone();
                let policy = s.policy.as_deref().and_then(|p| bundle.catalog.policy(p));
                let went = match (policy, s.session.as_mut()) {
                    (Some(p), Some(session)) => session.back(p),
                    _ => false,
                };
                if !went {
                    s.view = View::Start;
                    s.session = None;
                }
                s.moved(false)
            }
            Action::Change(fact) => {
                if let Some(session) = s.session.as_mut() {
                    session.change(&fact);
                }
                s.view = View::Walk;
                s.moved(false)
            }
            Action::Restart => {
                let fixed = s.fixed_policy.clone();
                let mut fresh = State::new(s.bundle.clone(), fixed, s.start_tree.clone());
                fresh.page_seq = s.page_seq + 1;
                fresh
            }
            Action::SetName(v) => {
                s.declarant.name = Some(v);
                s
            }
            Action::SetJobTitle(v) => {
                s.declarant.job_title = Some(v);
                s
            }
            Action::SetTeam(v) => {
                s.declarant.team = Some(v);
                s
            }
            Action::SetEmail(v) => {
                s.declarant.email = Some(v);
                s
            }
            Action::ShowCompare => {
                s.view = View::Compare;
                s.moved(false)
            }
            Action::HideCompare => {
                s.view = View::Walk;
                s.moved(false)
            }
            Action::Navigate(key) => navigate(s, &key),
            Action::Restore { policy, session } => {
                if s.bundle.catalog.policy(&policy).and_then(|p| p.tree(&session.tree)).is_some()
                    && s.fixed_policy.as_ref().is_none_or(|f| f == &policy)
                {
                    s.policy = Some(policy);
                    s.session = Some(session);
                    s.view = View::Walk;
                    s.moved(true)
                } else {
                    s
                }
            }
        };
        Rc::new(next)
    }
}

/// Moves to the page a history entry names, using only answers already given.
fn navigate(mut s: State, key: &str) -> State {
    if key == "start" {
        s.view = View::Start;
        s.session = None;
        return s.moved(true);
    }
    if key == "compare" {
        if s.session.is_some() {
            s.view = View::Compare;
        }
        return s.moved(true);
    }
    let bundle = s.bundle.clone();
    let Some(policy) = s.policy.as_deref().and_then(|p| bundle.catalog.policy(p)) else { return s };
    let Some(session) = s.session.as_mut() else { return s };
    s.view = View::Walk;
    if key == "outcome" {
        session.resume();
    } else if let Some(fact) = key.strip_prefix("q:") {
        let on_path = session.walk(policy).map(|w| w.steps.iter().any(|st| st.fact == fact)).unwrap_or(false);
        if on_path {
            session.change(fact);
        } else {
            session.resume();
        }
    }
    s.moved(true)
}
