// A file input drawn as a button in the app's words: the browser's own control says "Choose
// File / No file chosen" in the browser's language, not the app's.
import { useId } from 'preact/hooks';
import { buttonClass } from '../../../components/Button';
import { fieldParts, Hint } from '../../../components/Field';
import styles from './FilePicker.module.css';

interface FilePickerProps {
  label: string;
  button: string;
  hint: string;
  disabled: boolean;
  onPick: (file: File) => void;
}

export function FilePicker({ label, button, hint, disabled, onPick }: FilePickerProps) {
  const id = useId();
  return (
    <div class={styles.picker}>
      <span class={fieldParts.label} id={`${id}-label`}>
        {label}
      </span>
      <Hint id={`${id}-hint`}>{hint}</Hint>
      <input
        id={id}
        type="file"
        name="backupFile"
        accept=".json,application/json"
        class={`visually-hidden ${styles.input}`}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-hint`}
        disabled={disabled}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) onPick(file);
        }}
      />
      <label for={id} class={buttonClass('secondary', styles.button, disabled)} aria-hidden="true">
        {button}
      </label>
    </div>
  );
}
