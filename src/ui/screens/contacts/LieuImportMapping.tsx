// The columns of a picked file, each with an example and the lieu field it goes to (guessed,
// changeable): a changed column plans every line again.
import { isolate } from '../../../domain/bidi';
import {
  earlierColumnOfField,
  guessLieuMapping,
  LIEU_IMPORT_TARGETS,
  type LieuImportTarget,
  type LieuMapping,
  type LieuSource,
} from '../../../domain/lieu-import';
import { fieldParts, Hint } from '../../components/Field';
import { Section } from '../../components/Section';
import { useMessages } from '../../i18n/messages';
import { importMessages } from './import-messages';
import styles from './LieuImport.module.css';

export function MappingEditor({
  source,
  mapping,
  disabled,
  onChange,
}: {
  source: LieuSource;
  mapping: LieuMapping;
  disabled: boolean;
  onChange: (mapping: LieuMapping) => void;
}) {
  const t = useMessages(importMessages);
  const earlier = earlierColumnOfField(source.headers);
  const guessed = guessLieuMapping(source.headers);
  return (
    <Section title={t.mapping}>
      <Hint>{t.mappingHint}</Hint>
      <ul class={styles.columns}>
        {source.headers.map((header, column) => {
          const example = source.rows.slice(0, 5).find((row) => (row[column] ?? '').trim() !== '')?.[column];
          const id = `import-column-${column}`;
          const first = earlier[column] ?? null;
          return (
            <li key={`${column}-${header}`} class={styles.column}>
              <label for={id} class={styles.header}>
                {header || `#${column + 1}`}
                <span class={styles.example}>{example ? t.example(example.slice(0, 80)) : t.noExample}</span>
                {/* Said while the column still goes to the notes: a person who changed it knows. */}
                {first !== null && mapping[column] === 'notes' ? (
                  <span class={styles.example}>
                    {t.sameField(isolate(source.headers[first] ?? ''), first + 1, t.target(guessed[first] ?? 'ignore'))}
                  </span>
                ) : null}
              </label>
              <select
                id={id}
                class={fieldParts.control}
                value={mapping[column]}
                disabled={disabled}
                onChange={(event) => {
                  const next = [...mapping];
                  next[column] = event.currentTarget.value as LieuImportTarget;
                  onChange(next);
                }}
              >
                {LIEU_IMPORT_TARGETS.map((target) => (
                  <option key={target} value={target}>
                    {t.target(target)}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
