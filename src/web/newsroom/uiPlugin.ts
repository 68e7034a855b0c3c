// (being written) the newsroom's web app at /newsroom/ (shell + esbuild bundle).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/container.ts';

export async function newsroomUi(_app: FastifyInstance, _opts: { services: Services }): Promise<void> {}
