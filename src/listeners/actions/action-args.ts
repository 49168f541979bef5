import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';

export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
export type ActionHandler = (args: ActionArgs) => Promise<void>;

/** The value of the clicked button (every action the bot sends is a button). */
export function buttonValue(args: ActionArgs): string {
  return args.action.type === 'button' ? (args.action.value ?? '') : '';
}
