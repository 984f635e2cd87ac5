// The rich-text editor behind RichTextField, in a module of its own so that Tiptap and
// ProseMirror load only on a page that shows one (React.lazy in rich-text-field.tsx) and the
// rest of the app's bundle does not grow. Tiptap through @mantine/tiptap: a well-kept editor that
// Mantine styles like the other inputs. It offers only the markup the API keeps when it sanitises
// (grant details: paragraphs, h3/h4, bold, italic, lists, links), so what a person writes is what
// is stored and shown.
import '@mantine/tiptap/styles.css';
import { Link, RichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export interface RichTextEditorInputProps {
  /** The HTML held by the form ('' when empty). */
  readonly value: string;
  readonly onChange: (html: string) => void;
  readonly onBlur?: () => void;
  /** The editable area's id, which the form's error summary links to. */
  readonly id: string;
  /** Ids of the label, and of the description and error that describe it (Input.Wrapper's). */
  readonly labelledBy: string;
  readonly describedBy?: string;
  readonly invalid: boolean;
}

/** The markup the editor can make: what the API's sanitiser keeps, nothing more. */
const extensions = [
  StarterKit.configure({
    heading: { levels: [3, 4] },
    blockquote: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    // Mantine's Link (below) adds the link control's keyboard shortcut.
    link: false,
  }),
  // Only web and mail addresses, as the sanitiser allows; a click in the editor edits the text rather than leaving the page.
  Link.configure({ openOnClick: false, protocols: ['http', 'https', 'mailto'], defaultProtocol: 'https' }),
];

export function RichTextEditorInput({ value, onChange, onBlur, id, labelledBy, describedBy, invalid }: RichTextEditorInputProps) {
  const { t } = useTranslation();
  const attributes = {
    id,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': labelledBy,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    'aria-invalid': String(invalid),
  };
  const editor = useEditor({
    extensions,
    content: value,
    editorProps: { attributes },
    // An empty editor holds '' rather than '<p></p>', as an empty textarea did (the field is then "not given").
    onUpdate: ({ editor: changed }) => onChange(changed.isEmpty ? '' : changed.getHTML()),
    onBlur: () => onBlur?.(),
  });

  // The form's value changes without the editor too (loading the record, resetting the form).
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const shown = editor.isEmpty ? '' : editor.getHTML();
    if (value !== shown) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  // The ARIA wiring follows the field's error and description.
  const attributeKey = JSON.stringify(attributes);
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setOptions({ editorProps: { attributes: JSON.parse(attributeKey) as Record<string, string> } });
  }, [editor, attributeKey]);

  // A form whose record may no longer change disables its fieldset, which a contenteditable does not obey by itself.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const locked = editor.view.dom.closest('fieldset')?.matches(':disabled') ?? false;
    if (editor.isEditable === locked) editor.setEditable(!locked, false);
  });

  return (
    <RichTextEditor
      editor={editor}
      labels={{
        boldControlLabel: t('richText.bold'),
        italicControlLabel: t('richText.italic'),
        h3ControlLabel: t('richText.heading'),
        h4ControlLabel: t('richText.subheading'),
        bulletListControlLabel: t('richText.bulletList'),
        orderedListControlLabel: t('richText.orderedList'),
        linkControlLabel: t('richText.link'),
        unlinkControlLabel: t('richText.unlink'),
        linkEditorInputLabel: t('richText.linkAddress'),
        linkEditorInputPlaceholder: t('richText.linkPlaceholder'),
        linkEditorExternalLink: t('richText.linkExternal'),
        linkEditorInternalLink: t('richText.linkInternal'),
        linkEditorSave: t('richText.linkSave'),
        undoControlLabel: t('richText.undo'),
        redoControlLabel: t('richText.redo'),
      }}
      style={invalid ? { borderColor: 'var(--mantine-color-error)' } : undefined}
    >
      <RichTextEditor.Toolbar role="toolbar" aria-label={t('richText.toolbar')}>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Bold />
          <RichTextEditor.Italic />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.H3 />
          <RichTextEditor.H4 />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.BulletList />
          <RichTextEditor.OrderedList />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Link />
          <RichTextEditor.Unlink />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Undo />
          <RichTextEditor.Redo />
        </RichTextEditor.ControlsGroup>
      </RichTextEditor.Toolbar>
      <RichTextEditor.Content mih={160} />
    </RichTextEditor>
  );
}
