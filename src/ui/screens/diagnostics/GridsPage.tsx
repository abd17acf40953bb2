// The network's diagnostic grids: the newest version of each, and who may change them.
import { listGrids } from '../../../db/diagnostics';
import { useRole } from '../../../state/sync';
import { Banner } from '../../components/Banner';
import { ButtonLink } from '../../components/Button';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useLive } from '../../hooks/use-live';
import { useMessages } from '../../i18n/messages';
import styles from './lists.module.css';
import { messages } from './messages';
import { gridHref, listHref } from './paths';

export function GridsPage() {
  const t = useMessages(messages);
  const admin = useRole() === 'admin';
  const grids = useLive((context) => listGrids(context), []);
  return (
    <>
      <ScreenHeader
        title={t.gridsTitle}
        description={t.gridsPurpose}
        actions={
          <ButtonLink href={listHref()} variant="secondary">
            {t.backToList}
          </ButtonLink>
        }
      />
      {admin ? null : <Banner>{t.adminOnly}</Banner>}
      <Section title={t.gridsTitle}>
        <ul class={styles.list}>
          {grids?.map((grid) => (
            <li key={grid.id} class={styles.item}>
              <a class={styles.link} href={gridHref(grid.id)}>
                {grid.title}
              </a>
              <span class={styles.meta}>
                {t.gridVersion(grid.version)} · {t.sectionsCount(grid.sections.length)} ·{' '}
                {grid.status === 'active' ? t.gridActive : t.gridRetired}
              </span>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
