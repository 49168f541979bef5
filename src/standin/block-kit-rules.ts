/**
 * Slack's documented Block Kit rules for the blocks and elements Slack accepts in messages and on the Home
 * tab: the types, their required and allowed fields, and their limits (Block Kit reference: blocks, block
 * elements, composition objects).
 */
import { isRecord, type Rec } from '../records.js';
import { BlockKitCheck } from './block-kit-check.js';

export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  textObject: 3000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  accessibilityLabel: 75,
  url: 3000,
  actionId: 255,
  blockId: 255,
  altText: 2000,
  imageTitle: 2000,
  placeholder: 150,
  selectOptions: 100,
  overflowOptions: 5,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  inputLabel: 2000,
  markdownText: 12_000,
} as const;

const L = BLOCK_KIT_LIMITS;

const SELECTS = [
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'multi_static_select',
  'multi_external_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
];
const INTERACTIVE = [
  'button',
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'overflow',
  'radio_buttons',
  'timepicker',
  'workflow_button',
  ...SELECTS,
];
const INPUT_ELEMENTS = [
  ...INTERACTIVE.filter((t) => t !== 'button' && t !== 'overflow' && t !== 'workflow_button'),
  'plain_text_input',
  'email_text_input',
  'number_input',
  'url_text_input',
  'rich_text_input',
  'file_input',
];

/** Which element types each place takes. */
const PLACES = {
  actions: INTERACTIVE,
  accessory: [...INTERACTIVE, 'image'],
  input: INPUT_ELEMENTS,
} as const;

type Place = keyof typeof PLACES;

/** Checks one message's or view's blocks, keeping what must be unique across them. */
export class BlocksCheck extends BlockKitCheck {
  private readonly blockIds = new Set<string>();

  blocks(pointer: string, blocks: unknown, maxBlocks: number): void {
    if (!this.array(pointer, blocks, 0, maxBlocks)) return;
    blocks.forEach((block, i) => {
      this.block(`${pointer}/${i}`, block);
    });
  }

  private block(pointer: string, block: unknown): void {
    if (!this.object(pointer, block)) return;
    if (!this.required(pointer, block, 'type')) return;
    this.blockId(`${pointer}/block_id`, block.block_id);
    const actionIds = new Set<string>();
    switch (block.type) {
      case 'section':
        this.section(pointer, block, actionIds);
        return;
      case 'header':
        this.onlyKnown(pointer, block, ['type', 'block_id', 'text']);
        if (this.required(pointer, block, 'text'))
          this.text(`${pointer}/text`, block.text, L.headerText, 'plain_text');
        return;
      case 'divider':
        this.onlyKnown(pointer, block, ['type', 'block_id']);
        return;
      case 'context':
        this.context(pointer, block);
        return;
      case 'actions':
        this.onlyKnown(pointer, block, ['type', 'block_id', 'elements']);
        if (!this.required(pointer, block, 'elements')) return;
        if (!this.array(`${pointer}/elements`, block.elements, 1, L.actionsElements)) return;
        block.elements.forEach((element, i) => {
          this.element(`${pointer}/elements/${i}`, element, 'actions', actionIds);
        });
        return;
      case 'image':
        this.onlyKnown(pointer, block, ['type', 'block_id', 'image_url', 'slack_file', 'alt_text', 'title']);
        this.image(pointer, block);
        this.optionalText(`${pointer}/title`, block.title, L.imageTitle, 'plain_text');
        return;
      case 'input':
        this.input(pointer, block, actionIds);
        return;
      case 'markdown':
        this.onlyKnown(pointer, block, ['type', 'block_id', 'text']);
        if (this.required(pointer, block, 'text'))
          this.string(`${pointer}/text`, block.text, { max: L.markdownText });
        return;
      case 'rich_text':
        this.onlyKnown(pointer, block, ['type', 'block_id', 'elements']);
        if (this.required(pointer, block, 'elements'))
          this.array(`${pointer}/elements`, block.elements, 1, Number.MAX_SAFE_INTEGER);
        return;
      case 'file':
      case 'video':
        // Rare in bot messages; only what every block shares (type, block_id) is checked.
        return;
      default:
        this.fail(`${pointer}/type`, `unsupported type: ${String(block.type)}`);
    }
  }

  private section(pointer: string, block: Rec, actionIds: Set<string>): void {
    this.onlyKnown(pointer, block, ['type', 'block_id', 'text', 'fields', 'accessory', 'expand']);
    if (block.text === undefined && block.fields === undefined) {
      this.fail(`${pointer}/type`, 'must define either `text` or `fields`');
    }
    this.optionalText(`${pointer}/text`, block.text, L.sectionText, 'any');
    if (block.fields !== undefined && this.array(`${pointer}/fields`, block.fields, 1, L.sectionFields)) {
      block.fields.forEach((field, i) => {
        this.text(`${pointer}/fields/${i}`, field, L.fieldText, 'any');
      });
    }
    if (block.accessory !== undefined)
      this.element(`${pointer}/accessory`, block.accessory, 'accessory', actionIds);
    this.boolean(`${pointer}/expand`, block.expand);
  }

  private context(pointer: string, block: Rec): void {
    this.onlyKnown(pointer, block, ['type', 'block_id', 'elements']);
    if (!this.required(pointer, block, 'elements')) return;
    if (!this.array(`${pointer}/elements`, block.elements, 1, L.contextElements)) return;
    block.elements.forEach((element, i) => {
      const at = `${pointer}/elements/${i}`;
      if (isRecord(element) && element.type === 'image') {
        this.onlyKnown(at, element, ['type', 'image_url', 'slack_file', 'alt_text']);
        this.image(at, element);
      } else {
        this.text(at, element, L.textObject, 'any');
      }
    });
  }

  private input(pointer: string, block: Rec, actionIds: Set<string>): void {
    this.onlyKnown(pointer, block, [
      'type',
      'block_id',
      'label',
      'element',
      'dispatch_action',
      'hint',
      'optional',
    ]);
    if (this.required(pointer, block, 'label'))
      this.text(`${pointer}/label`, block.label, L.inputLabel, 'plain_text');
    this.optionalText(`${pointer}/hint`, block.hint, L.inputLabel, 'plain_text');
    if (this.required(pointer, block, 'element'))
      this.element(`${pointer}/element`, block.element, 'input', actionIds);
  }

  private blockId(pointer: string, id: unknown): void {
    if (id === undefined) return;
    if (!this.string(pointer, id, { max: L.blockId })) return;
    if (this.blockIds.has(id)) this.fail(pointer, `duplicate block_id: ${id}`);
    this.blockIds.add(id);
  }

  private element(pointer: string, element: unknown, place: Place, actionIds: Set<string>): void {
    if (!this.object(pointer, element)) return;
    if (!this.required(pointer, element, 'type')) return;
    const type = String(element.type);
    if (!(PLACES[place] as readonly string[]).includes(type)) {
      this.fail(`${pointer}/type`, `unsupported type: ${type}`);
      return;
    }
    if (
      element.action_id !== undefined &&
      this.string(`${pointer}/action_id`, element.action_id, { max: L.actionId })
    ) {
      // Slack wants action_id unique within its block.
      if (actionIds.has(element.action_id))
        this.fail(`${pointer}/action_id`, `duplicate action_id: ${element.action_id}`);
      actionIds.add(element.action_id);
    }
    this.optionalConfirm(`${pointer}/confirm`, element.confirm);
    if (type === 'button') this.button(pointer, element);
    else if (type === 'image') {
      this.onlyKnown(pointer, element, ['type', 'image_url', 'slack_file', 'alt_text']);
      this.image(pointer, element);
    } else if (type === 'overflow') {
      this.onlyKnown(pointer, element, ['type', 'action_id', 'options', 'confirm']);
      if (this.required(pointer, element, 'options'))
        this.options(`${pointer}/options`, element.options, 1, L.overflowOptions, true);
    } else if (type === 'static_select' || type === 'multi_static_select') {
      this.staticSelect(pointer, element);
    }
  }

  private button(pointer: string, button: Rec): void {
    this.onlyKnown(pointer, button, [
      'type',
      'text',
      'action_id',
      'url',
      'value',
      'style',
      'confirm',
      'accessibility_label',
    ]);
    if (this.required(pointer, button, 'text'))
      this.text(`${pointer}/text`, button.text, L.buttonText, 'plain_text');
    if (button.url !== undefined) this.url(`${pointer}/url`, button.url, L.url);
    this.optionalString(`${pointer}/value`, button.value, { max: L.buttonValue });
    if (button.style !== undefined) this.oneOf(`${pointer}/style`, button.style, ['primary', 'danger']);
    this.optionalString(`${pointer}/accessibility_label`, button.accessibility_label, {
      max: L.accessibilityLabel,
    });
  }

  private staticSelect(pointer: string, select: Rec): void {
    this.onlyKnown(pointer, select, [
      'type',
      'action_id',
      'placeholder',
      'options',
      'option_groups',
      'initial_option',
      'initial_options',
      'confirm',
      'focus_on_load',
      'max_selected_items',
    ]);
    this.optionalText(`${pointer}/placeholder`, select.placeholder, L.placeholder, 'plain_text');
    if (select.options === undefined && select.option_groups === undefined) {
      this.fail(pointer, 'missing required field: options');
      return;
    }
    if (select.options !== undefined)
      this.options(`${pointer}/options`, select.options, 1, L.selectOptions, false);
    if (
      select.option_groups !== undefined &&
      this.array(`${pointer}/option_groups`, select.option_groups, 1, L.selectOptions)
    ) {
      select.option_groups.forEach((group, i) => {
        const at = `${pointer}/option_groups/${i}`;
        if (!this.object(at, group)) return;
        this.onlyKnown(at, group, ['label', 'options']);
        if (this.required(at, group, 'label'))
          this.text(`${at}/label`, group.label, L.optionText, 'plain_text');
        if (this.required(at, group, 'options'))
          this.options(`${at}/options`, group.options, 1, L.selectOptions, false);
      });
    }
  }

  private options(pointer: string, options: unknown, min: number, max: number, withUrl: boolean): void {
    if (!this.array(pointer, options, min, max)) return;
    options.forEach((option, i) => {
      const at = `${pointer}/${i}`;
      if (!this.object(at, option)) return;
      this.onlyKnown(
        at,
        option,
        withUrl ? ['text', 'value', 'description', 'url'] : ['text', 'value', 'description'],
      );
      if (this.required(at, option, 'text')) this.text(`${at}/text`, option.text, L.optionText, 'plain_text');
      if (this.required(at, option, 'value'))
        this.string(`${at}/value`, option.value, { max: L.optionValue });
      this.optionalText(`${at}/description`, option.description, L.optionDescription, 'plain_text');
      if (option.url !== undefined) this.url(`${at}/url`, option.url, L.url);
    });
  }

  private optionalConfirm(pointer: string, confirm: unknown): void {
    if (confirm === undefined || !this.object(pointer, confirm)) return;
    this.onlyKnown(pointer, confirm, ['title', 'text', 'confirm', 'deny', 'style']);
    for (const [key, max] of [
      ['title', L.confirmTitle],
      ['confirm', L.confirmButton],
      ['deny', L.confirmButton],
    ] as const) {
      if (this.required(pointer, confirm, key))
        this.text(`${pointer}/${key}`, confirm[key], max, 'plain_text');
    }
    if (this.required(pointer, confirm, 'text'))
      this.text(`${pointer}/text`, confirm.text, L.confirmText, 'any');
    if (confirm.style !== undefined) this.oneOf(`${pointer}/style`, confirm.style, ['primary', 'danger']);
  }

  /** An image block or element: alt text always, and a URL or a Slack file. */
  private image(pointer: string, image: Rec): void {
    if (this.required(pointer, image, 'alt_text'))
      this.string(`${pointer}/alt_text`, image.alt_text, { max: L.altText });
    if (image.image_url === undefined && image.slack_file === undefined) {
      this.fail(pointer, 'missing required field: image_url');
    }
    if (image.image_url !== undefined) this.url(`${pointer}/image_url`, image.image_url, L.url);
    if (image.slack_file !== undefined) this.object(`${pointer}/slack_file`, image.slack_file);
  }
}
