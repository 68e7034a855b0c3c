// (being written) newsroom routes: mediaRoutes
import type { FastifyInstance } from 'fastify';
import type { NewsroomRouteOptions } from './context.ts';

export async function mediaRoutes(_app: FastifyInstance, _opts: NewsroomRouteOptions): Promise<void> {}
