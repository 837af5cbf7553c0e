import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI UI at /api/docs and its JSON at /api/docs-json. */
export function registerOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Civicverse API')
      .setDescription(
        'Civil services of a city: complaints, appointments, documents, queues and tourism. Errors are `{ statusCode, code, message }` with a stable `code` and a `message` in the language of `Accept-Language` or `?lang=`.',
      )
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
