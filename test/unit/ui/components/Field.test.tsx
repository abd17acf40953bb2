import { render, screen } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { Field } from '../../../../src/ui/components/Field';

describe('a form field', () => {
  test('is named by its label and described by its hint and its error', () => {
    render(<Field label="Code postal" hint="5 chiffres" error="Le code postal compte 5 chiffres." value="354" />);
    const input = screen.getByRole('textbox', { name: 'Code postal' });

    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['5 chiffres', 'Le code postal compte 5 chiffres.']);
    expect((input as HTMLInputElement).value).toBe('354');
  });

  test('shows a value of two lines (an imported name) as words apart, not joined as the browser would', () => {
    render(<Field label="Nom" value={'Marie\r\nDupont\nMartin'} />);
    expect((screen.getByRole('textbox', { name: 'Nom' }) as HTMLInputElement).value).toBe('Marie Dupont Martin');
  });

  test('is not marked invalid and points to its hint only when there is no error', () => {
    render(<Field label="Commune" hint="Telle qu’écrite par l’INSEE" />);
    const input = screen.getByRole('textbox', { name: 'Commune' });
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Telle qu’écrite par l’INSEE',
    );
  });

  test('renders a text area and a select with the same labelling', () => {
    render(
      <>
        <Field as="textarea" label="Notes" error="Trop long : 50 000 caractères au maximum." />
        <Field as="select" label="Type de lieu" value="fablab">
          <option value="coworking">Coworking</option>
          <option value="fablab">Fablab</option>
        </Field>
      </>,
    );
    expect(screen.getByRole('textbox', { name: 'Notes' }).getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('combobox', { name: 'Type de lieu' }) as HTMLSelectElement).value).toBe('fablab');
  });

  test('says when a field is optional', () => {
    render(<Field label="Site web" optional />);
    expect(screen.getByRole('textbox', { name: 'Site web (facultatif)' })).toBeTruthy();
  });
});
