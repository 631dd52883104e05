import type { App, InstallationStore } from "@slack/bolt";
import type { Logger } from "../../logger.js";

/**
 * Forgets a workspace's installation when it removes the app (`app_uninstalled`)
 * or revokes the bot's token (`tokens_revoked` naming bot tokens). Bolt lets these
 * two events through without authorizing them: the installation may already be useless.
 */
export function onUninstall(app: App, store: InstallationStore, logger: Logger): void {
  const forget = async (body: Record<string, unknown>, why: string) => {
    const enterpriseId = stringField(body, "enterprise_id");
    const teamId = stringField(body, "team_id");
    const isEnterpriseInstall = body.is_enterprise_install === true;
    if (!store.deleteInstallation) return;
    await store.deleteInstallation({ teamId, enterpriseId, isEnterpriseInstall });
    logger.info({ teamId, enterpriseId, why }, "slack installation removed");
  };
  app.event("app_uninstalled", async ({ body }) => {
    await forget(body as unknown as Record<string, unknown>, "app_uninstalled");
  });
  app.event("tokens_revoked", async ({ body, event }) => {
    // A revoked user token leaves the bot installed: only the bot's tokens matter here.
    if ((event.tokens.bot ?? []).length === 0) return;
    await forget(body as unknown as Record<string, unknown>, "tokens_revoked");
  });
}

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}
