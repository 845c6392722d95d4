import cors from 'cors';

export const corsOrigins = [
  /^https:\/\/portal\.example\.org$/,
  // expect: cors-permissive-origin-regex
  /^https:\/\/(www|beta).example.org$/,
];

export const corsMiddleware = cors({
  // expect: cors-permissive-origin-regex
  origin: [/^https:\/\/admin.example\.org$/],
});
