import type { ComponentChildren } from 'preact';
import { buttonClass } from './Button';
import styles from './FileInput.module.css';

interface FileInputProps {
  children: ComponentChildren;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  /** Receives the chosen files; the input is emptied afterwards so the same file can be chosen again. */
  onFiles: (files: FileList | null) => Promise<unknown> | undefined;
}

/** "Ajouter une photo", "Importer un fichier": a secondary button that opens the file chooser. */
export function FileInput({ children, accept, multiple, disabled, onFiles }: FileInputProps) {
  return (
    <label class={buttonClass('secondary', styles.fileInput, disabled)}>
      {children}
      <input
        type="file"
        accept={accept}
        multiple={multiple}
        class="visually-hidden"
        disabled={disabled}
        onChange={(event) => {
          const input = event.currentTarget;
          void Promise.resolve(onFiles(input.files)).finally(() => {
            input.value = '';
          });
        }}
      />
    </label>
  );
}
