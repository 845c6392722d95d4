const express = require('express');
const { Pool } = require('pg');
const { PrismaClient } = require('@prisma/client');

const pool = new Pool();
const prisma = new PrismaClient();
const router = express.Router();
const USER_COLUMNS = 'id, name, email';

function run(sql, params) {
  return pool.query(sql, params);
}

router.get('/users/search', async (req, res) => {
  const result = await pool.query('SELECT id, name FROM users WHERE name = $1', [req.query.name]);
  res.json(result.rows);
});

router.get('/users', async (req, res) => {
  const result = await run('SELECT ' + USER_COLUMNS + ' FROM users', []);
  res.json(result.rows);
});

router.get('/users/:id', async (req, res) => {
  const rows = await prisma.$queryRaw`SELECT * FROM users WHERE id = ${req.params.id}`;
  res.json(rows);
});

router.get('/users/in', async (req, res) => {
  const ids = req.query.ids.split(',');
  const placeholders = ids.map((_, i) => '$' + (i + 1)).join(', ');
  const list = ids.map(() => '?').join(', ');
  const result = await pool.query(`SELECT * FROM users WHERE id IN (${list})`, ids);
  res.json(result.rows);
});

module.exports = router;
