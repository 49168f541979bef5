import { isRecord } from '../records.js';
import { homeViewProblems, refusal, viewTooLarge } from './block-kit.js';
import { failure, type MethodHandler, stringArg } from './method-support.js';

const viewsPublish: MethodHandler = (args, { workspace }) => {
  const userId = stringArg(args, 'user_id');
  if (!userId || !workspace.user(userId)) return failure('user_not_found');
  const view = args.view;
  if (view !== undefined && viewTooLarge(view)) return failure('view_too_large');
  const problems = homeViewProblems(view);
  if (problems.length > 0 || !isRecord(view)) return refusal(problems, 'view');
  const hash = stringArg(args, 'hash');
  const previous = workspace.homeView(userId);
  // Slack's optimistic lock: a stale hash means someone published in between.
  if (hash && previous && previous.hash !== hash) return failure('hash_conflict');
  const home = workspace.publishHome(userId, view);
  const { appId, botId, teamId } = workspace.identity;
  return {
    ok: true,
    view: {
      id: home.id,
      team_id: teamId,
      type: 'home',
      blocks: view.blocks,
      private_metadata: typeof view.private_metadata === 'string' ? view.private_metadata : '',
      callback_id: typeof view.callback_id === 'string' ? view.callback_id : '',
      external_id: typeof view.external_id === 'string' ? view.external_id : '',
      state: { values: {} },
      hash: home.hash,
      title: null,
      close: null,
      submit: null,
      clear_on_close: false,
      notify_on_close: false,
      previous_view_id: null,
      root_view_id: home.id,
      app_id: appId,
      app_installed_team_id: teamId,
      bot_id: botId,
    },
  };
};

const connectionsOpen: MethodHandler = (_args, { socketUrl }) => {
  if (!socketUrl) return failure('standin_socket_url_not_configured');
  return { ok: true, url: socketUrl };
};

export const appMethods: Record<string, MethodHandler> = {
  'views.publish': viewsPublish,
  'apps.connections.open': connectionsOpen,
};
