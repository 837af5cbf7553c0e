import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsService } from './accounts.service.js';
import { UserAccount } from './user-account.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserAccount])],
  providers: [AccountsService],
  exports: [AccountsService],
})
export class AccountsModule {}
