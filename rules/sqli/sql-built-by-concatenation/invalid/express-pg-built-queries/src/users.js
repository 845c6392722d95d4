const express = require('express');
const { Pool } = require('pg');

const pool = new Pool();
const router = express.Router();

router.get('/users/search', async (req, res) => {
  const name = req.query.name;
  // expect: sql-built-by-concatenation
  const result = await pool.query(`SELECT id, name FROM users WHERE name = '${name}'`);
  res.json(result.rows);
});

router.get('/users/by-role', async (req, res) => {
  let sql = 'SELECT id FROM users WHERE active = true';
  sql += " AND role = '" + req.query.role + "'";
  // expect: sql-built-by-concatenation
  const result = await pool.query(sql);
  res.json(result.rows);
});

module.exports = router;
