import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { SlackInstallations } from "../../service/slack-installations.js";

/**
 * Bolt's InstallationStore over the database's installations (sealed at rest):
 * what one replica stores on an install, every replica finds on the next request.
 */
export function databaseInstallationStore(installations: SlackInstallations): InstallationStore {
  return {
    storeInstallation: async (installation) => {
      await installations.save(
        {
          teamId: installation.team?.id,
          enterpriseId: installation.enterprise?.id,
          isEnterpriseInstall: installation.isEnterpriseInstall,
        },
        installation,
      );
    },
    fetchInstallation: async (query: InstallationQuery<boolean>) => {
      const found = await installations.find(query);
      if (found === undefined) {
        throw new Error(
          `No installation for ${query.isEnterpriseInstall ? query.enterpriseId : query.teamId}`,
        );
      }
      return found as Installation;
    },
    deleteInstallation: async (query: InstallationQuery<boolean>) => {
      await installations.delete(query);
    },
  };
}
