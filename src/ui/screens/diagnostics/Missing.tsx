import { ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';
import { listHref } from './paths';

export function DiagnosticMissing() {
  const t = useMessages(messages);
  return (
    <>
      <ScreenHeader title={t.notFoundTitle} />
      <EmptyState
        title={t.notFoundTitle}
        action={
          <ButtonLink href={listHref()} variant="primary">
            {t.backToList}
          </ButtonLink>
        }
      >
        {t.notFoundText}
      </EmptyState>
    </>
  );
}

/** The diagnostic is here but its grid version has not synced yet: its answers are safe. */
export function GridMissing() {
  const t = useMessages(messages);
  return (
    <>
      <ScreenHeader title={t.title} />
      <EmptyState
        title={t.missingGrid}
        action={
          <ButtonLink href={listHref()} variant="secondary">
            {t.backToList}
          </ButtonLink>
        }
      >
        {t.gridMissingText}
      </EmptyState>
    </>
  );
}
