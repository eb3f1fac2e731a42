//! The widget's whole state and its one reducer.
//!
//! Everything the officer sees is derived from this state; every change goes through
//! [`Action`]. The reducer is pure: storage, history, focus and downloads happen in effects
//! and callbacks in the components, never here. That is what lets the browser's Back button,
//! the Back link and a reload all land on the same page.

use crate::catalog::Bundle;
use crate::pages::messages::field_message;
use probity_core::declaration::Declarant;
use probity_core::model::{Policy, Tree};
use probity_core::session::{Page, Session};
use probity_core::value::{parse_input, Value};
use std::collections::BTreeMap;
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
    /// The tree the host opened the widget on (`tree="gifts"`): "Start again" and a kiosk reset
    /// return to its first question rather than to the council's list.
    pub start_tree: Option<String>,
    pub session: Option<Session>,
    /// What the officer typed for each money or number answer, so a field they come back to
    /// shows "30" as typed rather than "30.00". Shown only while it still reads as the answer kept.
    pub typed: BTreeMap<String, String>,
    /// True while the officer is looking again at answered questions after Back (the Back link
    /// or the browser's): Continue then steps to the next answered question, one at a time, as
    /// GOV.UK services do. False after a Change link, whose Continue returns to the outcome.
    pub stepping: bool,
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
    /// On the compare page: answers to the facts other councils ask that this council's walk did
    /// not, in the order they were asked (one per page, as in a walk; never part of the walk).
    pub compare_answers: Vec<(String, Value)>,
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
    /// The other councils' policies have arrived (fetched when the compare page opened): the
    /// bundle with them added.
    AddPolicies(Rc<Bundle>),
    /// Answers the compare page's current question (the draft) for the other councils.
    CompareContinue,
    /// The browser went back or forward to a page named by this key.
    Navigate(String),
    /// Restores a saved session (from sessionStorage) after a reload.
    Restore {
        policy: String,
        session: Session,
        typed: BTreeMap<String, String>,
    },
}

impl State {
    pub fn new(bundle: Rc<Bundle>, fixed_policy: Option<String>, tree: Option<String>) -> Self {
        let policy = fixed_policy.clone().filter(|p| bundle.catalog.policy(p).is_some());
        let mut s = State {
            bundle,
            fixed_policy: policy.clone(),
            policy,
            start_tree: None,
            session: None,
            typed: BTreeMap::new(),
            stepping: false,
            view: View::Start,
            draft: String::new(),
            error: None,
            search: String::new(),
            declarant: Declarant::default(),
            page_seq: 0,
            from_history: false,
            compare_answers: Vec::new(),
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

    /// The facts the compare page runs against every council: the walk's answers and those given
    /// on the compare page itself.
    pub fn compare_facts(&self) -> Option<(String, BTreeMap<String, serde_json::Value>)> {
        let policy = self.policy()?;
        let session = self.session.as_ref()?;
        let walk = session.walk(policy).ok()?;
        let mut facts: BTreeMap<String, serde_json::Value> =
            walk.steps.iter().map(|st| (st.fact.clone(), st.answer.to_json())).collect();
        for (fact, v) in &self.compare_answers {
            facts.insert(fact.clone(), v.to_json());
        }
        Some((session.tree.clone(), facts))
    }

    /// The next question another council asks before every council can answer, with the
    /// councils waiting on it; `None` when the comparison is complete.
    pub fn compare_next(&self) -> Option<(probity_core::model::Fact, Vec<String>)> {
        let (tree, facts) = self.compare_facts()?;
        self.bundle.catalog.next_missing(&tree, &facts)
    }

    /// A key for the browser history entry of the current page.
    pub fn page_key(&self) -> String {
        match (&self.view, &self.session, self.policy()) {
            (View::Start, _, _) | (_, None, _) | (_, _, None) => "start".to_string(),
            (View::Compare, _, _) => "compare".to_string(),
            (View::Walk, Some(s), Some(p)) => s.page_key(p),
        }
    }

    /// Sets the draft to the current question's saved answer (so Back and Change show it): the
    /// text the officer typed, while it still reads as that answer, else the answer written out.
    fn sync_draft(&mut self) {
        let draft = match self.page() {
            Some(Page::Question { current: Some(v), fact, .. }) => match self.typed.get(&fact.id) {
                Some(t) if parse_input(fact, t).as_ref() == Ok(&v) => t.clone(),
                _ => draft_of(&v),
            },
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

/// The text a field shows for a saved answer when what was typed is not known (a walk saved by
/// an older version): whole pounds without pence ("30"), else pounds and pence ("30.50").
pub fn draft_of(v: &Value) -> String {
    match v {
        Value::Option(id) => id.clone(),
        Value::Money(d) if d.fract().is_zero() => d.trunc().to_string(),
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
                let stepping = s.stepping;
                let Some(session) = s.session.as_mut() else { return self };
                match session.answer_text(policy, &fact, &draft) {
                    Ok(()) => {
                        // After Back, the next answered question on the (possibly new) path is
                        // shown with its answer, rather than jumping past it to the first unanswered one.
                        let path = session.answered_path(policy);
                        let next = path.iter().position(|f| f == &fact).and_then(|i| path.get(i + 1)).cloned();
                        match next.filter(|_| stepping) {
                            Some(next) => session.change(&next),
                            None => s.stepping = false,
                        }
                        if policy.fact(&fact).is_some_and(|f| f.kind.is_numeric()) {
                            s.typed.insert(fact, draft.trim().to_string());
                        }
                        s.typed.retain(|f, _| s.session.as_ref().is_some_and(|ss| ss.answers.contains_key(f)));
                        s.moved(false)
                    }
                    Err(e) => {
                        // The officer's text and every earlier answer stay as they were.
                        let message = policy.fact(&fact).map_or_else(|| e.field_message(), |f| field_message(f, &e));
                        s.error = Some(FieldError { fact, message });
                        s.page_seq += 1;
                        s.from_history = false;
                        s
                    }
                }
            }
            Action::Back => {
                if s.view == View::Compare && !s.compare_answers.is_empty() {
                    // Back through the other councils' questions, one at a time, answer shown.
                    if let Some((_, v)) = s.compare_answers.pop() {
                        let mut s = s.moved(false);
                        s.draft = draft_of(&v);
                        return Rc::new(s);
                    }
                }
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
                s.stepping = went;
                s.moved(false)
            }
            Action::Change(fact) => {
                if let Some(session) = s.session.as_mut() {
                    session.change(&fact);
                }
                s.stepping = false;
                s.view = View::Walk;
                s.moved(false)
            }
            Action::Restart => {
                let fixed = s.fixed_policy.clone();
                let mut fresh = State::new(s.bundle.clone(), fixed, s.start_tree.clone());
                fresh.page_seq = s.page_seq + 1;
                // The caller rewinds the browser's history to the widget's first entry (see
                // `app.rs`), so this page replaces an entry rather than adding one after the
                // discarded walk's: Back then leaves the widget instead of landing on dead pages.
                fresh.from_history = true;
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
            Action::CompareContinue => {
                let Some((fact, _)) = s.compare_next() else { return self };
                match parse_input(&fact, &s.draft) {
                    Ok(v) => {
                        s.compare_answers.push((fact.id.clone(), v));
                        s.moved(false)
                    }
                    Err(e) => {
                        // The officer's text stays; the message is the question's own.
                        s.error = Some(FieldError { fact: fact.id.clone(), message: field_message(&fact, &e) });
                        s.page_seq += 1;
                        s.from_history = false;
                        s
                    }
                }
            }
            Action::ShowCompare => {
                s.compare_answers.clear();
                s.view = View::Compare;
                s.moved(false)
            }
            Action::AddPolicies(bundle) => {
                s.bundle = bundle;
                s
            }
            Action::HideCompare => {
                s.view = View::Walk;
                s.moved(false)
            }
            Action::Navigate(key) => navigate(s, &key),
            Action::Restore { policy, session, typed } => {
                if s.bundle.catalog.policy(&policy).and_then(|p| p.tree(&session.tree)).is_some()
                    && s.fixed_policy.as_ref().is_none_or(|f| f == &policy)
                {
                    s.policy = Some(policy);
                    // A walk restored part-way through Back stays in step-by-step mode.
                    s.stepping = session.revisiting.is_some();
                    s.session = Some(session);
                    s.typed = typed;
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
        s.stepping = false;
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
    let mut stepping = false;
    if key == "outcome" {
        session.resume();
    } else if let Some(fact) = key.strip_prefix("q:") {
        let on_path = session.walk(policy).map(|w| w.steps.iter().any(|st| st.fact == fact)).unwrap_or(false);
        if on_path {
            // The browser's Back and Forward revisit answered questions as the Back link does.
            session.change(fact);
            stepping = true;
        } else {
            session.resume();
        }
    }
    s.stepping = stepping;
    s.moved(true)
}
