// One item of the valise: its description, link and file, and for physical kit who holds it.
import { publishItem, readItem, removeItem } from '../../../db/toolbox';
import { joinIsolated } from '../../../domain/bidi';
import { linkState } from '../../../domain/links';
import { normalise } from '../../../domain/toolbox/search';
import { hrefTo, navigate } from '../../../state/router';
import { Badge } from '../../components/Badge';
import { Banner } from '../../components/Banner';
import { Button, ButtonLink } from '../../components/Button';
import { DataLink } from '../../components/DataLink';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useMessages } from '../../i18n/messages';
import { BackLink } from './BackLink';
import { FileBlock } from './FileBlock';
import styles from './ItemPage.module.css';
import { KitLoans } from './KitLoans';
import { messages } from './messages';
import { RichText } from './RichText';
import { UsedBy } from './UsedBy';
import { useCanCurate, useMayChange } from './use-toolbox-role';

export function ItemPage({ itemId }: { itemId: string }) {
  const t = useMessages(messages);
  const context = useDataContext();
  const view = useLive((ctx) => readItem(ctx, itemId), [itemId]);
  const canCurate = useCanCurate();
  const mayChange = useMayChange(view?.item);
  if (view === undefined) return null;
  if (view === null) {
    return (
      <>
        <BackLink />
        <ScreenHeader title={t.notFound} description={t.notFoundText} />
      </>
    );
  }
  const { item } = view;
  const link = linkState(item.link);
  const remove = async () => {
    if (!context) return;
    if (
      !confirm(
        t.removeConfirm(
          joinIsolated(
            view.usedBy.map((list) => list.title),
            ', ',
          ),
        ),
      )
    )
      return;
    await removeItem(context, item.id);
    navigate(hrefTo('valise'), { replace: true });
  };

  return (
    <>
      <BackLink />
      <ScreenHeader
        title={item.title}
        description={joinIsolated([t.kind(item.kind), shelfBesideKind(item.shelf, t.kind(item.kind))], ' · ')}
        actions={
          mayChange ? <ButtonLink href={hrefTo('valise', 'element', item.id, 'modifier')}>{t.edit}</ButtonLink> : null
        }
      />
      {item.status === 'suggested' ? (
        <Banner
          tone="info"
          title={t.suggested}
          actions={
            canCurate && context ? (
              <Button variant="primary" onClick={() => void publishItem(context, item.id)}>
                {t.publish}
              </Button>
            ) : null
          }
        >
          {t.suggestedNote}
        </Banner>
      ) : null}
      <div class={styles.body}>
        {item.description ? <RichText source={item.description} /> : null}
        {link === 'ok' ? (
          <p>
            {/* A mailto: with headers or a tel: with dial codes is no link: its address beside says it. */}
            <DataLink variant="secondary" address={item.link ?? ''} fallback={null}>
              {t.link}
            </DataLink>{' '}
            <span class={styles.address}>{item.link}</span>
          </p>
        ) : link === 'broken' ? (
          <Banner tone="warning" title={t.brokenLink}>
            <span class={styles.address}>{item.link}</span>
          </Banner>
        ) : null}
        {item.tags.length > 0 ? (
          <ul class={styles.tags} aria-label={t.tags}>
            {item.tags.map((tag) => (
              <Badge as="li" key={tag}>
                {tag}
              </Badge>
            ))}
          </ul>
        ) : null}
      </div>
      {view.attachment ? <FileBlock attachment={view.attachment} offline={item.availableOffline} /> : null}
      {item.kind === 'kit' ? <KitLoans item={item} loans={view.loans} /> : null}
      {view.usedBy.length > 0 ? <UsedBy lists={view.usedBy} /> : null}
      {mayChange ? (
        <div class="actions">
          <Button variant="danger" onClick={remove}>
            {t.remove}
          </Button>
        </div>
      ) : null}
    </>
  );
}

/** The shelf, unless it only repeats the kind ("Kit matériel · Kit matériel"). */
function shelfBesideKind(shelf: string | null | undefined, kindLabel: string): string | null {
  const stem = normalise(kindLabel).split(' ')[0] ?? '';
  return shelf && !normalise(shelf).includes(stem) ? shelf : null;
}
