// (being written) newsroom routes: manageRoutes
import type { FastifyInstance } from 'fastify';
import type { NewsroomRouteOptions } from './context.ts';

export async function manageRoutes(_app: FastifyInstance, _opts: NewsroomRouteOptions): Promise<void> {}
