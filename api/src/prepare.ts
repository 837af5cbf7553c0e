import type { Logger } from 'pino';
import { removeDemoAccounts, seedDemoAccounts } from './accounts/demo-accounts.js';
import type { AppContext } from './app.module.js';
import { loadCityPack } from './city/city-pack.loader.js';
import { type AppConfig, loadConfig } from './config/environment.js';
import { cityPacksDir } from './config/paths.js';
import { openDatabase } from './database/data-source.js';
import { I18nService } from './i18n/i18n.service.js';
import { createLogger } from './logging/json-logger.js';
import { connectRedis } from './redis/redis-connection.js';

/**
 * Everything that can fail for a reason the operator must fix — configuration, city pack, database — checked
 * in order before the HTTP application is built, each failure a one-line ConfigError or CityPackError.
 */
export async function prepare(env: NodeJS.ProcessEnv, logger?: Logger): Promise<AppContext> {
  const config: AppConfig = loadConfig(env);
  const log = logger ?? createLogger(config.logLevel);
  const i18n = new I18nService();
  const pack = await loadCityPack(config.city, { packsDir: cityPacksDir, knownLanguages: [...i18n.languages] });
  const dataSource = await openDatabase(config.database);
  try {
    if (config.demoData) {
      const created = await seedDemoAccounts(dataSource, pack);
      if (created > 0) log.info({ created }, 'demo accounts created');
    } else {
      const { removed, disabled } = await removeDemoAccounts(dataSource);
      if (removed + disabled > 0)
        log.warn({ removed, disabled }, 'DEMO_DATA is off: demo accounts removed (or disabled where records name them)');
    }
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  // Connected last: nothing before it can fail and leave the connection open.
  const redis = config.redisUrl ? connectRedis(config.redisUrl, log) : null;
  return { config, pack, dataSource, logger: log, i18n, redis };
}
