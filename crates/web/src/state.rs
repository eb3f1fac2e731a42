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
use probity_core::records::{check_details, fields_for, DetailProblem, Occasion, RecordKind};
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
    /// "Record this": the details the tree's register needs, and (for one answer) who you are.
    Details,
    /// "Check your details", then Download, Copy and Print.
    Check,
    /// Declaration of interests: when it is made (only the occasions the code names).
    Occasion,
    /// Declaration of interests: the interests added so far, and "add another?".
    Interests,
    /// Declaration of interests: who is declaring.
    Declarant,
}

/// A declaration of interests in the making: each interest is a walk of the council's
/// interests tree and the details typed for it, kept as typed so Change shows them again.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Interests {
    pub occasion: Option<Occasion>,
    pub items: Vec<Interest>,
    /// The interest being changed, replaced when its details are accepted.
    pub editing: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Interest {
    pub session: Session,
    pub details: BTreeMap<String, String>,
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
    /// What is typed on the "Record this" page, by field id (a date's parts as `id.day`,
    /// `id.month`, `id.year`), kept through Back and Change and never consumed by a check.
    pub details: BTreeMap<String, String>,
    /// The problems the last Continue on a details page found, field by field.
    pub detail_errors: Vec<DetailProblem>,
    /// Set while a declaration of interests is being made.
    pub interests: Option<Interests>,
    /// The field a Change link asked for: focused when its page opens (else the heading is).
    pub focus: Option<String>,
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
    /// "Record this" on an outcome (or "Add this interest" in a declaration of interests).
    RecordThis,
    /// A record detail typed: its key (see `State::details`) and the text.
    SetDetail(String, String),
    /// Continue on a details page, with the browser's time now (RFC 3339): the day a date
    /// "today or in the past" is measured against (the reducer reads no clock).
    DetailsContinue(String),
    /// A Change link on the check page: back to the details page, focusing the field named
    /// (an element id).
    ChangeDetails(String),
    /// "Make my declaration of interests" on the start page.
    StartInterests,
    /// Continue on the occasion page (the draft names it).
    OccasionContinue,
    /// Continue on "Do you need to add another interest?" (the draft says yes or no).
    InterestsContinue,
    ChangeInterest(usize),
    RemoveInterest(usize),
    /// Continue on the declarant page of a declaration of interests.
    DeclarantContinue,
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
            details: BTreeMap::new(),
            detail_errors: Vec::new(),
            interests: None,
            focus: None,
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
        let mut facts = facts_of(&walk.steps);
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

    /// The record fields the current walk's tree asks, in order.
    pub fn record_fields(&self) -> Vec<probity_core::records::FieldSpec> {
        match (self.policy(), &self.session) {
            (Some(p), Some(s)) => fields_for(p, &s.tree),
            _ => Vec::new(),
        }
    }

    /// What was typed for the current tree's record, as `check_details` takes it: a date's
    /// three parts joined (a real date as `YYYY-MM-DD`, anything else as typed, so the check
    /// words the problem), every other field as typed.
    pub fn entered(&self) -> BTreeMap<String, String> {
        entered_of(&self.record_fields(), &self.details)
    }

    /// The code's rule for a declaration of interests, when it asks one.
    pub fn interests_rule(&self) -> Option<&probity_core::records::InterestsDeclarationRule> {
        self.policy()?.interests_declaration.as_ref().filter(|r| r.asked)
    }

    /// A key for the browser history entry of the current page.
    /// True while the officer has typed record details, their own details or interests that
    /// are not yet on the check page (which guards itself until the record is kept): leaving
    /// the page then asks first (`leave_guard.rs`), as nothing typed there is stored.
    pub fn record_in_progress(&self) -> bool {
        let filled = |v: &Option<String>| v.as_deref().is_some_and(|t| !t.trim().is_empty());
        let d = &self.declarant;
        let typed = self.details.values().any(|v| !v.trim().is_empty())
            || self.interests.as_ref().is_some_and(|i| !i.items.is_empty())
            || [&d.name, &d.job_title, &d.team, &d.email].into_iter().any(filled);
        typed
            && match self.view {
                View::Details | View::Declarant | View::Occasion | View::Interests => true,
                View::Walk => self.interests.is_some(),
                View::Start | View::Compare | View::Check => false,
            }
    }

    pub fn page_key(&self) -> String {
        match (&self.view, &self.session, self.policy()) {
            (View::Occasion, _, _) => "occasion".to_string(),
            (View::Interests, _, _) => "interests".to_string(),
            (View::Declarant, _, _) => "declarant".to_string(),
            (View::Check, _, _) => "check".to_string(),
            (View::Details, Some(_), Some(_)) => "record".to_string(),
            (View::Start, _, _) | (_, None, _) | (_, _, None) => "start".to_string(),
            (View::Compare, _, _) => "compare".to_string(),
            (View::Walk, Some(s), Some(p)) => s.page_key(p),
        }
    }

    /// Sets the draft to the current question's saved answer (so Back and Change show it): the
    /// text the officer typed, while it still reads as that answer, else the answer written out.
    fn sync_draft(&mut self) {
        if self.view == View::Occasion {
            self.draft =
                self.interests.as_ref().and_then(|i| i.occasion).map_or_else(String::new, |o| o.id().to_string());
            return;
        }
        if self.view == View::Interests {
            self.draft = String::new();
            return;
        }
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
        self.detail_errors.clear();
        self.focus = None;
        self.sync_draft();
        self.page_seq += 1;
        self.from_history = from_history;
        self
    }
}

/// The answers of a walk's steps, by fact, as the core's compare takes them.
///
/// Here and in [`entered_of`] the map is filled by `insert` rather than `collect`: collecting
/// into a map sorts the pairs first, and each sort instance adds about 2.5 KB to the wasm.
/// A later pair for the same key wins either way.
pub fn facts_of(steps: &[probity_core::eval::Step]) -> BTreeMap<String, serde_json::Value> {
    let mut facts = BTreeMap::new();
    for step in steps {
        facts.insert(step.fact.clone(), step.answer.to_json());
    }
    facts
}

/// The typed details of one record as `check_details` takes them (see `State::entered`).
pub fn entered_of(
    fields: &[probity_core::records::FieldSpec],
    typed: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let get = |k: &str| typed.get(k).map(|v| v.trim().to_string()).unwrap_or_default();
    let mut entered = BTreeMap::new();
    for f in fields {
        let id = &f.field.id;
        let value = if matches!(f.field.kind, RecordKind::Date { .. }) {
            let (d, m, y) = (get(&format!("{id}.day")), get(&format!("{id}.month")), get(&format!("{id}.year")));
            match probity_core::dates::from_parts(&d, &m, &y) {
                Ok(date) => probity_core::dates::iso(date),
                Err(probity_core::dates::DateError::Empty) => String::new(),
                Err(_) => format!("{d}/{m}/{y}"),
            }
        } else {
            get(id)
        };
        entered.insert(id.clone(), value);
    }
    entered
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
                    s.interests = None;
                    s.details.clear();
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
                // Back from the record and interests pages, one page at a time, keeping what was typed.
                let to = match s.view {
                    View::Details => Some(View::Walk),
                    View::Check if s.interests.is_some() => Some(View::Declarant),
                    View::Check => Some(View::Details),
                    View::Declarant => Some(View::Interests),
                    View::Interests => Some(View::Occasion),
                    View::Occasion => Some(View::Start),
                    _ => None,
                };
                if let Some(to) = to {
                    if to == View::Start {
                        s.interests = None;
                    }
                    s.view = to;
                    return Rc::new(s.moved(false));
                }
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
                    // Back from an interest's first question returns to the interests added.
                    s.view = if s.interests.is_some() { View::Interests } else { View::Start };
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
            Action::RecordThis => {
                if !matches!(s.page(), Some(Page::Outcome(_))) {
                    return self;
                }
                s.view = View::Details;
                s.moved(false)
            }
            Action::SetDetail(key, value) => {
                s.details.insert(key, value);
                s
            }
            Action::DetailsContinue(now) => details_continue(s, &now),
            Action::ChangeDetails(field) => {
                s.view = if s.interests.is_some() { View::Declarant } else { View::Details };
                let mut s = s.moved(false);
                s.focus = Some(field);
                s
            }
            Action::StartInterests => {
                if s.interests_rule().is_none() {
                    return self;
                }
                s.interests = Some(Interests::default());
                s.session = None;
                s.details.clear();
                s.view = View::Occasion;
                s.moved(false)
            }
            Action::OccasionContinue => {
                let allowed = s.interests_rule().map(|r| r.when.clone()).unwrap_or_default();
                match Occasion::parse(&s.draft).filter(|o| allowed.contains(o)) {
                    Some(o) => {
                        if let Some(i) = s.interests.as_mut() {
                            i.occasion = Some(o);
                        }
                        s.view = View::Interests;
                        s.moved(false)
                    }
                    None => field_error(s, "occasion", "Select when you are making this declaration"),
                }
            }
            Action::InterestsContinue => {
                let nil = s.interests_rule().is_some_and(|r| r.nil);
                let tree = s.interests_rule().and_then(|r| r.tree.clone());
                let none_yet = s.interests.as_ref().is_none_or(|i| i.items.is_empty());
                match (s.draft.as_str(), tree) {
                    ("yes", Some(tree)) => {
                        s.session = Some(Session::new(tree));
                        s.details.clear();
                        if let Some(i) = s.interests.as_mut() {
                            i.editing = None;
                        }
                        s.view = View::Walk;
                        s.moved(false)
                    }
                    ("no", _) if none_yet && !nil => field_error(
                        s,
                        "add_another",
                        "Add at least one interest: this code asks for no nil declaration",
                    ),
                    ("no", _) => {
                        s.view = View::Declarant;
                        s.moved(false)
                    }
                    _ => {
                        let message = if none_yet {
                            "Select yes if you have an interest to declare"
                        } else {
                            "Select yes if you need to add another interest"
                        };
                        field_error(s, "add_another", message)
                    }
                }
            }
            Action::ChangeInterest(n) => {
                let Some(item) = s.interests.as_ref().and_then(|i| i.items.get(n)).cloned() else { return self };
                s.session = Some(item.session);
                s.details = item.details;
                if let Some(i) = s.interests.as_mut() {
                    i.editing = Some(n);
                }
                s.view = View::Details;
                s.moved(false)
            }
            Action::RemoveInterest(n) => {
                if let Some(i) = s.interests.as_mut().filter(|i| n < i.items.len()) {
                    i.items.remove(n);
                    i.editing = None;
                }
                s.moved(false)
            }
            Action::DeclarantContinue => {
                s.detail_errors = declarant_problems(&s.declarant);
                if s.detail_errors.is_empty() {
                    s.view = View::Check;
                    s.moved(false)
                } else {
                    s.page_seq += 1;
                    s.from_history = false;
                    s
                }
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

/// An error on a page with one field (the occasion, "add another"): what was chosen stays.
fn field_error(mut s: State, fact: &str, message: &str) -> State {
    s.error = Some(FieldError { fact: fact.to_string(), message: message.to_string() });
    s.page_seq += 1;
    s.from_history = false;
    s
}

/// The declarant's problems, worded for the fields of the details page.
fn declarant_problems(d: &Declarant) -> Vec<DetailProblem> {
    d.problems().into_iter().map(|(field, message)| DetailProblem { field: field.to_string(), message }).collect()
}

/// Continue on a details page: every problem at once (the record's and the declarant's), or on
/// to the check page; in a declaration of interests, the interest is added (or replaced).
fn details_continue(mut s: State, now: &str) -> State {
    let (Some(policy), Some(session)) = (s.policy(), s.session.as_ref()) else { return s };
    let Some(day) = probity_core::dates::date_of_rfc3339(now) else { return s };
    let mut problems = match check_details(policy, &session.tree, &s.entered(), day) {
        Ok(_) => Vec::new(),
        Err(p) => p,
    };
    let in_interests = s.interests.is_some();
    if !in_interests {
        problems.extend(declarant_problems(&s.declarant));
    }
    if !problems.is_empty() {
        s.detail_errors = problems;
        s.page_seq += 1;
        s.from_history = false;
        return s;
    }
    if in_interests {
        let item = Interest { session: session.clone(), details: std::mem::take(&mut s.details) };
        if let Some(i) = s.interests.as_mut() {
            match i.editing.take().and_then(|n| i.items.get_mut(n)) {
                Some(slot) => *slot = item,
                None => i.items.push(item),
            }
        }
        s.session = None;
        s.view = View::Interests;
    } else {
        s.view = View::Check;
    }
    s.moved(false)
}

/// Moves to the page a history entry names, using only answers already given.
fn navigate(mut s: State, key: &str) -> State {
    if key == "start" {
        s.view = View::Start;
        s.session = None;
        s.interests = None;
        s.stepping = false;
        return s.moved(true);
    }
    // The record and interests pages: shown again only while what they show is still there.
    let view = match key {
        "record" if s.session.is_some() => Some(View::Details),
        "check" if s.session.is_some() || s.interests.is_some() => Some(View::Check),
        "occasion" if s.interests.is_some() => Some(View::Occasion),
        "interests" | "declarant" if s.interests.as_ref().is_some_and(|i| i.occasion.is_some()) => {
            Some(if key == "interests" { View::Interests } else { View::Declarant })
        }
        _ => None,
    };
    if let Some(view) = view {
        if view == View::Interests {
            s.session = None;
        }
        s.view = view;
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
