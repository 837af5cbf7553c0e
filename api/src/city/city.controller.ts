import { Controller, Get, Header, Headers, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { Public } from '../common/public.decorator.js';
import { cityPackSchema } from './city-pack.openapi.js';
import { CityService } from './city.service.js';

@ApiTags('city')
@Controller('api/city')
export class CityController {
  /** The pack changes only with a restart: serialised once (~85 kB, the costliest part of answering), not per request. */
  private readonly body: string;
  private readonly etag: string;

  constructor(city: CityService) {
    this.body = JSON.stringify(city.pack);
    this.etag = `"${createHash('sha256').update(this.body).digest('base64url').slice(0, 32)}"`;
  }

  @Public()
  @Get()
  // Browsers may keep it a few minutes, then revalidate it with If-None-Match (304, no body).
  @Header('Cache-Control', 'public, max-age=300')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ description: 'The active city pack, as documented in docs/city-pack.md.', schema: cityPackSchema })
  pack(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): string {
    reply.header('ETag', this.etag);
    if (ifNoneMatch !== undefined && matches(ifNoneMatch, this.etag)) {
      reply.status(304);
      return '';
    }
    return this.body;
  }
}

/** If-None-Match: `*` or a list of tags, weak ones (W/"…") compared as strong (RFC 9110 §13.1.2). */
function matches(header: string, etag: string): boolean {
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
