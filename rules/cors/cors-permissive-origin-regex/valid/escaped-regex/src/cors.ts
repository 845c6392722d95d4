import cors from 'cors';

const corsOrigins = [/^https:\/\/([a-z0-9-]+\.)*example\.org$/, 'https://partner.example.com'];
export const corsMiddleware = cors({ origin: corsOrigins });
