// (being written) newsroom routes: articleRoutes
import type { FastifyInstance } from 'fastify';
import type { NewsroomRouteOptions } from './context.ts';

export async function articleRoutes(_app: FastifyInstance, _opts: NewsroomRouteOptions): Promise<void> {}
