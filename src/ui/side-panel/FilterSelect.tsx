/** One filter of a list: a labelled select whose first choice means "any". */
export function FilterSelect({
  label,
  any,
  value,
  choices,
  onChange,
}: {
  label: string;
  any: string;
  value: string;
  choices: ReadonlyArray<{ value: string; label: string }>;
  onChange: (event: Event) => void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={onChange}>
        <option value="">{any}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </label>
  );
}
