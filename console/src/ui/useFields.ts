import { useState } from 'react';

/**
 * A form's text fields as one state object, and `bind(name)`, the onChange that writes one of them: the forms of
 * the console (a report, a directive, an advisory, a shift) hold many plain fields.
 */
export function useFields<T extends Record<string, string>>(initial: T) {
  const [fields, setFields] = useState(initial);
  const bind = (name: keyof T) => (e: { currentTarget: { value: string } }) => {
    // Read now: React clears an event's currentTarget once its handler returns.
    const value = e.currentTarget.value;
    setFields((current) => ({ ...current, [name]: value }));
  };
  return { fields, setFields, bind };
}
