// Brouillons: every form left unsaved on this device (several new visits may wait side by
// side), newest first, each reopened where it was left; one is deleted only after a
// confirmation. `?type=person,lieu` shows the drafts of some forms only (from their screen).
import { deleteDraft, listDrafts } from '../../../db/drafts';
import { isolate } from '../../../domain/bidi';
import { hrefTo } from '../../../state/router';
import { Button, ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { fieldParts } from '../../components/Field';
import { ScreenHeader } from '../../components/ScreenHeader';
import { draftKind } from '../../forms/draft-kinds';
import { DRAFT_KIND_NAMES } from '../../forms/draft-param';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useDates } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/messages';
import type { ScreenProps } from '../../routes';
import styles from './drafts.module.css';
import { messages } from './messages';

export default function DraftsScreen({ route }: ScreenProps) {
  const t = useMessages(messages);
  const d = useDates();
  const lang = useLanguage();
  const context = useDataContext();
  const asked = (route.query.type ?? '').split(',').filter((kind) => draftKind(kind));
  const kinds: readonly string[] = asked.length > 0 ? asked : DRAFT_KIND_NAMES;
  const drafts = useLive((ctx) => listDrafts(ctx, kinds), [kinds.join(',')]);

  return (
    <>
      <ScreenHeader title={t.title} description={t.purpose} />
      {drafts === undefined ? null : drafts.length === 0 ? (
        <EmptyState title={t.empty} action={<ButtonLink href={hrefTo('visites')}>{t.back}</ButtonLink>}>
          {t.emptyText}
        </EmptyState>
      ) : (
        <ul class={styles.list}>
          {drafts.map((draft) => {
            const kind = draftKind(draft.kind);
            if (!kind) return null;
            const name = `${kind.label[lang]} — ${draft.title?.trim() || t.untitled}`;
            const remove = () => {
              if (context && confirm(t.confirmRemove(isolate(name)))) void deleteDraft(context, draft.id);
            };
            return (
              <li key={draft.id} class={styles.item}>
                <div class={styles.text}>
                  <strong>{name}</strong>
                  <span class={fieldParts.hint}>{t.changed(d.relative(draft.updatedAt))}</span>
                </div>
                <div class="actions">
                  <ButtonLink variant="primary" href={kind.href(draft)} aria-label={t.resumeNamed(name)}>
                    {t.resume}
                  </ButtonLink>
                  <Button variant="quiet" onClick={remove} aria-label={t.removeNamed(name)}>
                    {t.remove}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
