"""The HTML report's look and behaviour: colours, CSS and the inline script (no network)."""

from __future__ import annotations

import html
import re

from claimlint.packs import CATEGORIES

# Border (strong) and background (tint) colour per category; both readable on paper.
CATEGORY_COLOURS: dict[str, tuple[str, str]] = {
    "efficacy": ("#d9480f", "#ffe8cc"),
    "route-comparison": ("#7048e8", "#e5dbff"),
    "safety": ("#c92a2a", "#ffe3e3"),
    "approval": ("#0b7285", "#c5f6fa"),
    "guarantee": ("#a61e4d", "#ffdeeb"),
    "disclaimer-fda": ("#1864ab", "#d0ebff"),
    "disclaimer-crisis": ("#5c940d", "#e9fac8"),
}
_OTHER_COLOURS = ("#495057", "#e9ecef")
SEVERITIES = ("error", "warning", "info")


def escape(value: object) -> str:
    """Escape text for element content and quoted attribute values."""
    return html.escape(str(value), quote=True)


def slug(value: str) -> str:
    """A class-name-safe form of a category or severity (extra packs may bring odd ones)."""
    return re.sub(r"[^a-z0-9-]+", "-", value.lower()).strip("-") or "other"


def css() -> str:
    colour_rules = []
    for category in (*CATEGORIES, "other"):
        strong, tint = CATEGORY_COLOURS.get(category, _OTHER_COLOURS)
        name = slug(category)
        colour_rules.append(
            f"mark.cat-{name}{{background:{tint};border-bottom:2px solid {strong}}}"
            f".swatch.cat-{name},.finding.cat-{name}::marker{{background:{strong};color:{strong}}}"
            f".missing-marker.cat-{name},.finding.cat-{name}{{border-left:4px solid {strong}}}"
            f"body.hide-cat-{name} mark.cat-{name}{{background:none;border-bottom-color:"
            f"transparent}}body.hide-cat-{name} .finding.cat-{name},"
            f"body.hide-cat-{name} .missing-marker.cat-{name}{{display:none}}"
        )
    for sev in SEVERITIES:
        colour_rules.append(
            f"body.hide-sev-{sev} mark.sev-{sev}{{background:none;border-bottom-color:"
            f"transparent}}body.hide-sev-{sev} .finding.sev-{sev},"
            f"body.hide-sev-{sev} .missing-marker.sev-{sev}{{display:none}}"
        )
    return BASE_CSS + "".join(colour_rules)


BASE_CSS = """
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#212529}
body{margin:0 auto;max-width:72rem;padding:1rem 1.5rem;line-height:1.45}
h1{margin:.2rem 0}h2{margin:1.2rem 0 .4rem;font-size:1.25rem}h3{font-size:1rem;margin:.6rem 0 .2rem}
.meta{color:#495057;margin:.2rem 0 1rem}
.filters{display:flex;flex-wrap:wrap;gap:.6rem;position:sticky;top:0;background:#fff;
 padding:.4rem 0;z-index:2;border-bottom:1px solid #dee2e6}
.filters fieldset{border:1px solid #dee2e6;border-radius:6px;padding:.2rem .6rem}
.filters label{margin-right:.7rem;white-space:nowrap;cursor:pointer}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.3em;
 vertical-align:-.05em}
.tables{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}
table.counts{border-collapse:collapse;min-width:14rem}
table.counts caption{text-align:left;font-weight:600;padding-bottom:.2rem}
table.counts th,table.counts td{border-bottom:1px solid #dee2e6;padding:.15rem .5rem;
 text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.doc{border-top:2px solid #adb5bd;margin-top:1.5rem}
.doc h2 .count{font-weight:400;color:#868e96;font-size:.9rem}
pre.source{white-space:pre-wrap;overflow-wrap:anywhere;background:#f8f9fa;border:1px solid #dee2e6;
 border-radius:6px;padding:.6rem .8rem;font:13px/1.6 ui-monospace,Menlo,Consolas,monospace}
pre.source .line{display:block;padding-left:3.4em;text-indent:-3.4em}
pre.source .ln{display:inline-block;width:2.8em;margin-right:.6em;text-align:right;color:#adb5bd;
 user-select:none;text-indent:0}
.finding.nomatch,.missing-marker.nomatch{display:none}
mark.hl.nomatch{background:none!important;border-bottom-color:transparent!important}
.search{border:1px solid #dee2e6;border-radius:6px;padding:.2rem .6rem}
.search input{font:inherit;padding:.1rem .3rem;width:16rem}
.page-view{background:#fff;border:1px solid #dee2e6;border-radius:6px;padding:.4rem 1rem;
 max-width:46rem;font:16px/1.6 Georgia,"Times New Roman",serif}
.page-view .blk{margin:.5rem 0}.page-view h3.blk{font:600 1.15rem/1.3 system-ui,sans-serif}
.page-view .blk-label{font:600 .8rem system-ui,sans-serif;color:#868e96;text-transform:uppercase}
.page-view .blk-title,.page-view .blk-meta,.page-view .blk-alt,.page-view .blk-tags{
 color:#495057;font-size:.92em}
details.source-view{margin:.5rem 0}details.source-view summary{cursor:pointer;color:#1864ab}
mark.hl{color:inherit;border-radius:2px;cursor:pointer;padding:0 1px}
mark.hl:focus{outline:2px solid #212529}
mark.hl.flash{outline:3px solid #fab005}
.missing-marker{background:#fff5f5;padding:.4rem .6rem;margin:.4rem 0;border-radius:4px}
.missing-marker::before{content:"\\26A0\\FE0E  ";font-weight:700}
ol.findings{padding-left:1.5rem}
.finding{padding:.2rem .5rem;margin:.2rem 0;background:#fcfcfd}
.finding .where{font-family:ui-monospace,monospace}
.finding .sev{font-weight:600}
.chip{font-size:.75rem;border:1px solid #ced4da;border-radius:9px;padding:0 .4rem;color:#495057;
 font-weight:400}
.suggestion{color:#2b8a3e}.fixhint{color:#495057;font-size:.92em}
.rule{border-left:4px solid #ced4da;padding:.1rem .8rem;margin:.6rem 0}
.rule p,.rule ul{margin:.2rem 0}
.errors{background:#fff9db;padding:.4rem .8rem;border-radius:6px}
#popover{position:fixed;right:1rem;bottom:1rem;max-width:34rem;max-height:60vh;overflow:auto;
 background:#fff;border:1px solid #868e96;border-radius:8px;padding:.6rem 1rem;
 box-shadow:0 6px 24px rgba(0,0,0,.25);z-index:5}
#popover .close{float:right;border:0;background:none;font-size:1.4rem;cursor:pointer}
#popover .entry{border-top:1px solid #dee2e6;padding:.3rem 0}
#popover .entry:first-child{border-top:0}
@media print{
 .filters,#popover,details.source-view{display:none!important}
 body{max-width:none;padding:0;font-size:10.5pt}
 mark.hl,.swatch,.finding,.missing-marker{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .doc{break-before:page}
 pre.source{border:0;background:none;font-size:9pt}
 pre.source .line,.finding,.rule,tr{break-inside:avoid}
 a{color:inherit;text-decoration:none}
}
"""

# Filters toggle classes on <body>; a click on a highlight opens a panel built with DOM clones
# (never innerHTML) from the finding list and the rule section.
JS = """
(function(){
  var body=document.body;
  var hidden={},query='';
  var items=Array.prototype.slice.call(document.querySelectorAll('li.finding'));
  function shown(li){
    for(var f in hidden){if(hidden[f]&&li.classList.contains(f)){return false;}}
    return !li.classList.contains('nomatch');
  }
  function setCount(el,n){if(el){el.textContent=n;el.parentElement.setAttribute('data-shown',n);}}
  function recount(){
    var by={category:{},rule:{},path:{}},total=0,files={};
    items.forEach(function(li){
      if(!shown(li)){return;}
      var path=li.closest('section.doc').getAttribute('data-path');
      [['category',li.getAttribute('data-category')],['rule',li.getAttribute('data-rule')],
       ['path',path]].forEach(function(kv){by[kv[0]][kv[1]]=(by[kv[0]][kv[1]]||0)+1;});
      total++;files[path]=1;
    });
    Object.keys(by).forEach(function(key){
      document.querySelectorAll('#by-'+key+' tbody tr').forEach(function(tr){
        setCount(tr.querySelector('td.num'),by[key][tr.getAttribute('data-'+key)]||0);
      });
    });
    document.querySelectorAll('section.doc').forEach(function(doc){
      var n=by.path[doc.getAttribute('data-path')]||0,c=doc.querySelector('h2 .count');
      if(c){c.textContent=n+(n===1?' finding':' findings');}
    });
    var t=document.getElementById('total'),nf=Object.keys(files).length;
    if(t){t.textContent=total+(total===1?' finding':' findings');
      t.setAttribute('data-shown',total);}
    var fw=document.getElementById('files-with-findings');
    if(fw){fw.textContent=nf;fw.setAttribute('data-shown',nf);}
  }
  document.querySelectorAll('input[data-filter]').forEach(function(box){
    box.addEventListener('change',function(){
      var f=box.getAttribute('data-filter');
      hidden[f]=!box.checked;body.classList.toggle('hide-'+f,!box.checked);recount();
    });
  });
  var search=document.getElementById('search');
  if(search){search.addEventListener('input',function(){
    query=search.value.trim().toLowerCase();
    items.forEach(function(li){
      var path=li.closest('section.doc').getAttribute('data-path')||'';
      var hit=!query||(path+' '+li.textContent).toLowerCase().indexOf(query)>=0;
      li.classList.toggle('nomatch',!hit);
      document.querySelectorAll('[data-diag="'+li.getAttribute('data-diag')+'"]:not(li)')
        .forEach(function(el){el.classList.toggle('nomatch',!hit);});
    });
    recount();
  });}
  function reveal(id){var el=document.getElementById(id),d=el&&el.closest('details');
    if(d){d.open=true;}return el;}
  document.querySelectorAll('a[href^="#m-"]').forEach(function(a){
    a.addEventListener('click',function(){reveal(a.getAttribute('href').slice(1));});
  });
  var pop=document.getElementById('popover'),content=pop.querySelector('.content');
  pop.querySelector('.close').addEventListener('click',function(){pop.hidden=true;});
  document.addEventListener('keydown',function(ev){if(ev.key==='Escape'){pop.hidden=true;}});
  function show(target){
    var marks=[],node=target;
    while(node&&node.nodeType===1){
      if(node.matches('mark.hl')){marks.push(node);}node=node.parentElement;
    }
    if(!marks.length){return;}
    content.replaceChildren();
    marks.forEach(function(mark){
      var entry=document.createElement('div');entry.className='entry';
      var item=document.getElementById('f-'+mark.getAttribute('data-diag'));
      if(item){var copy=item.cloneNode(true);copy.removeAttribute('id');
        var wrap=document.createElement('div');wrap.className='finding-copy';
        while(copy.firstChild){wrap.appendChild(copy.firstChild);}entry.appendChild(wrap);}
      var rule=document.getElementById('rule-'+mark.getAttribute('data-rule'));
      if(rule){['.rationale','.references'].forEach(function(sel){
        var part=rule.querySelector(sel);if(part){entry.appendChild(part.cloneNode(true));}
      });}
      content.appendChild(entry);
    });
    pop.hidden=false;
  }
  document.addEventListener('click',function(ev){
    var mark=ev.target.closest&&ev.target.closest('mark.hl');
    if(mark){show(ev.target);}
  });
  document.addEventListener('keydown',function(ev){
    if(ev.key==='Enter'&&document.activeElement&&document.activeElement.matches('mark.hl')){
      show(document.activeElement);
    }
  });
  if(location.hash){var el=reveal(location.hash.slice(1));
    if(el&&el.matches('mark.hl')){el.classList.add('flash');}}
})();
"""
