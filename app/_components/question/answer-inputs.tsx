'use client';
/**
 * The answer controls of each kind of question, behind one interface: the question's view, the draft so far, a
 * way to change it, and whether the question still takes answers. The question card (question-card.tsx) owns the
 * draft, the keyboard and sending; these only draw the controls.
 */
import type { AnswerDraft } from '@/lib/domain/answer-draft';
import { chooseOption, moveStep } from '@/lib/domain/answer-draft';
import type { ItemView } from '@/lib/domain/item-view';
import { useTranslator } from '@/lib/i18n/client';

interface InputProps<V extends ItemView = ItemView> {
  view: V;
  draft: AnswerDraft;
  setDraft: (next: AnswerDraft) => void;
  disabled: boolean;
  /** A prefix for element ids, unique to the card. */
  uid: string;
}

type ViewOf<K extends ItemView['kind']> = Extract<ItemView, { kind: K }>;

export function AnswerInput(props: InputProps) {
  const { view } = props;
  switch (view.kind) {
    case 'single':
    case 'scenario':
    case 'multiple':
      return <ChoiceInput {...props} view={view} />;
    case 'truefalse':
      return <TrueFalseInput {...props} view={view} />;
    case 'cloze':
      return <ClozeInput {...props} view={view} />;
    case 'short':
      return <ShortInput {...props} view={view} />;
    case 'matching':
      return <MatchingInput {...props} view={view} />;
    case 'ordering':
      return <OrderingInput {...props} view={view} />;
  }
}

function ChoiceInput({ view, draft, setDraft, disabled, uid }: InputProps<ViewOf<'single' | 'scenario' | 'multiple'>>) {
  const selected = draft.family === 'choice' ? draft.selected : [];
  return (
    <fieldset className="options">
      <legend className="visually-hidden">{view.prompt}</legend>
      {view.options.map((o, i) => {
        const checked = selected.includes(o.id);
        return (
          <label key={o.id} className={`option${checked ? ' option-checked' : ''}`}>
            <input
              type={view.kind === 'multiple' ? 'checkbox' : 'radio'}
              name={`${uid}-option`}
              value={o.id}
              checked={checked}
              disabled={disabled}
              onChange={() => setDraft(chooseOption(view, draft, o.id))}
            />
            <span className="option-key" aria-hidden="true">
              {i + 1}
            </span>
            <span>{o.text}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

function TrueFalseInput({ view, draft, setDraft, disabled, uid }: InputProps<ViewOf<'truefalse'>>) {
  const t = useTranslator();
  const value = draft.family === 'truefalse' ? draft.value : null;
  return (
    <fieldset className="options options-inline">
      <legend className="visually-hidden">{view.prompt}</legend>
      {[true, false].map((v, i) => (
        <label key={String(v)} className={`option${value === v ? ' option-checked' : ''}`}>
          <input
            type="radio"
            name={`${uid}-tf`}
            value={String(v)}
            checked={value === v}
            disabled={disabled}
            onChange={() => setDraft({ family: 'truefalse', value: v })}
          />
          <span className="option-key" aria-hidden="true">
            {i + 1}
          </span>
          <span>{v ? t('question.true') : t('question.false')}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The text box shared by cloze and short answers: no autocomplete or spell check, which would answer for them. */
function TextBox({
  id,
  draft,
  setDraft,
  disabled,
  className,
}: Omit<InputProps, 'view' | 'uid'> & { id: string; className?: string }) {
  return (
    <input
      id={id}
      type="text"
      className={className}
      value={draft.family === 'text' ? draft.text : ''}
      disabled={disabled}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => setDraft({ family: 'text', text: e.target.value })}
    />
  );
}

function ClozeInput({ view, uid, ...rest }: InputProps<ViewOf<'cloze'>>) {
  const t = useTranslator();
  return (
    <p className="cloze">
      {view.before}
      <label className="visually-hidden" htmlFor={`${uid}-blank`}>
        {t('question.blank')}
      </label>
      <TextBox id={`${uid}-blank`} className="cloze-input" {...rest} />
      {view.after}
    </p>
  );
}

function ShortInput({ uid, view: _view, ...rest }: InputProps<ViewOf<'short'>>) {
  const t = useTranslator();
  return (
    <div className="field">
      <label htmlFor={`${uid}-short`}>{t('question.yourAnswer')}</label>
      <TextBox id={`${uid}-short`} {...rest} />
    </div>
  );
}

function MatchingInput({ view, draft, setDraft, disabled, uid }: InputProps<ViewOf<'matching'>>) {
  const t = useTranslator();
  const pairs = draft.family === 'matching' ? draft.pairs : {};
  const pick = (leftId: string, rightId: string) =>
    setDraft({
      family: 'matching',
      pairs: rightId
        ? { ...pairs, [leftId]: rightId }
        : Object.fromEntries(Object.entries(pairs).filter(([k]) => k !== leftId)),
    });
  return (
    <div className="matching">
      {view.lefts.map((l) => (
        <div className="field" key={l.id}>
          <label htmlFor={`${uid}-${l.id}`}>{l.text}</label>
          <select
            id={`${uid}-${l.id}`}
            value={pairs[l.id] ?? ''}
            disabled={disabled}
            aria-label={t('question.matchFor', { item: l.text })}
            onChange={(e) => pick(l.id, e.target.value)}
          >
            <option value="">{t('question.choose')}</option>
            {view.rights.map((r) => (
              <option key={r.id} value={r.id}>
                {r.text}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}

function OrderingInput({ view, draft, setDraft, disabled }: InputProps<ViewOf<'ordering'>>) {
  const t = useTranslator();
  const order = draft.family === 'ordering' ? draft.order : [];
  const stepText = (id: string) => view.steps.find((s) => s.id === id)?.text ?? id;
  return (
    <ol className="ordering">
      {order.map((id, i) => (
        <li key={id}>
          <span>{stepText(id)}</span>
          <span className="row">
            <button
              type="button"
              className="secondary small"
              disabled={disabled || i === 0}
              aria-label={t('question.moveUp', { item: stepText(id) })}
              onClick={() => setDraft(moveStep(draft, i, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="secondary small"
              disabled={disabled || i === order.length - 1}
              aria-label={t('question.moveDown', { item: stepText(id) })}
              onClick={() => setDraft(moveStep(draft, i, 1))}
            >
              ↓
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
