import { type KeyboardEvent, useEffect, useState } from "react";
import { type MessageKey, useT } from "../../i18n";
import { AGGREGATES, type ChannelForm, type ChannelName } from "./chart-form";
import type { SourceColumn } from "./field-type";

/** One channel of the builder: its field (a list of the source's columns, or typed) and aggregate. */
export function ChannelRow({
  channel,
  value,
  columns,
  onChange,
}: {
  channel: ChannelName;
  value: ChannelForm;
  columns: readonly SourceColumn[];
  onChange(value: ChannelForm): void;
}) {
  const t = useT();
  const name = t(`chartBuilder.channel.${channel}` as MessageKey);
  const fieldLabel = t("chartBuilder.field", { channel: name });
  return (
    <div className="chart-builder-row" data-channel={channel}>
      <span className="chart-builder-channel" aria-hidden="true">
        {name}
      </span>
      {columns.length > 0 ? (
        <select
          aria-label={fieldLabel}
          value={value.field}
          onChange={(e) => onChange({ ...value, field: e.target.value })}
        >
          <option value="">{t("chartBuilder.noField")}</option>
          {!columns.some((c) => c.name === value.field) && value.field && (
            <option value={value.field}>{t("chartBuilder.asWritten", { value: value.field })}</option>
          )}
          {columns.map((column) => (
            <option key={column.name} value={column.name}>
              {column.name}
            </option>
          ))}
        </select>
      ) : (
        <TypedField
          label={fieldLabel}
          value={value.field}
          onCommit={(field) => onChange({ ...value, field })}
        />
      )}
      {channel !== "facet" && (
        <select
          aria-label={t("chartBuilder.aggregate", { channel: name })}
          value={value.aggregate}
          onChange={(e) => onChange({ ...value, aggregate: e.target.value })}
        >
          {!(AGGREGATES as readonly string[]).includes(value.aggregate) && (
            <option value={value.aggregate}>{t("chartBuilder.asWritten", { value: value.aggregate })}</option>
          )}
          {AGGREGATES.map((aggregate) => (
            <option key={aggregate} value={aggregate}>
              {t(`chartBuilder.agg.${aggregate}`)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

/** Before the source has run: a field name typed by hand, written on Enter or when leaving the box. */
function TypedField({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: string;
  onCommit(value: string): void;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text.trim() !== value) onCommit(text.trim());
  };
  return (
    <input
      type="text"
      aria-label={label}
      value={text}
      spellCheck={false}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === "Enter") commit();
      }}
    />
  );
}
