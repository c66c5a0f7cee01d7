import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { UnauthenticatedError } from '../auth/auth.errors';
import { AppConfig } from '../config/app-config';
import { RouteNotFoundError } from '../http/platform.errors';
import { Metrics } from './metrics';

/**
 * Prometheus scrape endpoint. It does not exist until `METRICS_TOKEN` is set (404 like any unknown
 * path), and then answers only `Authorization: Bearer <METRICS_TOKEN>`: the figures describe the
 * service's traffic and must never be public.
 */
@ApiExcludeController()
@SkipThrottle()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const token = this.config.METRICS_TOKEN;
    if (!token) throw new RouteNotFoundError();
    const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(given), digest(token))) throw new UnauthenticatedError();
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await this.metrics.registry.metrics());
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();
