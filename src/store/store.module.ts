import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DatabaseSettings } from '../runtime-settings';
import { type HubDatabase, openDatabase } from './database';
import { HUB_DATABASE } from './hub-database.token';
import { DestinationStateRepository } from './destination-state.repository';
import { InboxRepository } from './inbox.repository';
import { OutboxRepository } from './outbox.repository';
import { QuarantineRepository } from './quarantine.repository';
import { migrateToLatest } from './migrations';

/** Opens the database and brings its schema up to date before anything uses it. */
@Global()
@Module({
  providers: [
    {
      provide: HUB_DATABASE,
      inject: [DatabaseSettings],
      useFactory: async (settings: DatabaseSettings): Promise<HubDatabase> => {
        const database = openDatabase(settings.url);
        await migrateToLatest(database);
        return database;
      },
    },
    InboxRepository,
    OutboxRepository,
    DestinationStateRepository,
    QuarantineRepository,
  ],
  exports: [HUB_DATABASE, InboxRepository, OutboxRepository, DestinationStateRepository, QuarantineRepository],
})
export class StoreModule implements OnApplicationShutdown {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.closeProbe();
    await this.database.db.destroy();
  }
}
