// The SurveyJS baseline: the same four questions as the widget's Kent gifts walk (gift →
// contractor → alcohol → delivered), one radiogroup per page, "Next", then a completion page.
// Wording from policies/vocabulary.toml and policies/kent.toml.
const choices = (list) => list.map(([value, text]) => ({ value, text }));

const json = {
  title: 'Can I accept this gift or hospitality?',
  showQuestionNumbers: 'off',
  showProgressBar: false,
  completeText: 'Next',
  completedHtml: '<h1 class="bench-complete">Complete</h1><p>Return the gift with a polite refusal letter and tell your manager</p>',
  pages: [
    { elements: [{ type: 'radiogroup', name: 'offer_kind', isRequired: true, title: 'What have you been offered?',
      description: 'If an organisation wants to sponsor a KCC activity, event or service, choose "A gift".',
      choices: choices([['gift', 'A gift'], ['hospitality', 'Hospitality']]) }] },
    { elements: [{ type: 'radiogroup', name: 'giver', isRequired: true, title: 'Who is offering the gift?',
      description: 'Choose the closest match. An organisation offering to sponsor a KCC activity counts as one that deals with KCC.',
      choices: choices([['contractor', 'A contractor or supplier, or one hoping to be'],
        ['service_user', 'Someone who receives council services, or their family'], ['councillor', 'A councillor'],
        ['other_dealings', 'Another person or organisation that deals with the council'],
        ['no_dealings', 'Someone with no dealings with the council']]) }] },
    { elements: [{ type: 'radiogroup', name: 'gift_type', isRequired: true, title: 'What kind of gift is it?',
      choices: choices([['token_item', 'A small token item'], ['promotional', 'A promotional item given to everyone'],
        ['alcohol', 'Wine, spirits or other alcohol'], ['other', 'Something else']]) }] },
    { elements: [{ type: 'radiogroup', name: 'gift_delivered', isRequired: true,
      title: 'Has the gift already been sent or delivered to you?', choices: choices([['yes', 'Yes'], ['no', 'No']]) }] },
  ],
};

SurveyUI.renderSurvey(new Survey.Model(json), document.getElementById('survey'));
