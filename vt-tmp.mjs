import Database from "better-sqlite3";
const db = new Database(process.argv[2], { readonly: true });
const t0 = () => performance.now();
db.exec("CREATE VIRTUAL TABLE temp.vt USING fts5vocab(main, 'article_tokens', 'instance')");
let t = t0(); let s = db.prepare("SELECT json_group_array(doc * 8 + CASE col WHEN 'headline' THEN 0 WHEN 'subheadline' THEN 1 WHEN 'lead' THEN 2 WHEN 'body' THEN 3 ELSE 4 END) FROM vt WHERE term = ?").pluck().get('الحكومه'); let arr = JSON.parse(s); console.log("instances json coded", arr.length, (t0()-t).toFixed(0));
t = t0(); s = db.prepare("SELECT json_group_array(article_id), json_group_array(length_headline) FROM articles INDEXED BY articles_lengths WHERE is_shadowed = 0").raw().get(); console.log("2 arrays", (t0()-t).toFixed(0));
t = t0(); s = db.prepare("SELECT '[' || group_concat(article_id || ',' || length_headline || ',' || length_subheadline || ',' || length_lead || ',' || length_body || ',' || length_agency) || ']' FROM articles INDEXED BY articles_lengths WHERE is_shadowed = 0").pluck().get(); arr = JSON.parse(s); console.log("lengths flat concat json", arr.length, (t0()-t).toFixed(0));
t = t0(); s = db.prepare("SELECT json_group_array(article_id) FROM articles INDEXED BY articles_lengths WHERE is_shadowed = 0").pluck().get(); arr = JSON.parse(s); console.log("ids only", arr.length, (t0()-t).toFixed(0));
