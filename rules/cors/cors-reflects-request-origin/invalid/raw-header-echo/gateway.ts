import express, { type NextFunction, type Request, type Response } from 'express';

const app = express();

function allowCaller(req: Request, res: Response, next: NextFunction) {
  // expect: cors-reflects-request-origin
  res.header('Access-Control-Allow-Origin', req.headers.origin);
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
}

app.use(allowCaller);
app.get('/status', (req: Request, res: Response) => res.send('ok'));
export default app;
