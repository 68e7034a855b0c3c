// (being written) /newsroom/preview/{id}: the reader page of any article, for signed-in users.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/container.ts';

export async function previewRoutes(_app: FastifyInstance, _opts: { services: Services }): Promise<void> {}
