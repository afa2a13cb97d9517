// Material's storage-scope script (its partials/javascripts/base.html), from a file instead of inline.
// Material resolves the scope (extra.scope, else the site root) against the page; from this file the
// site root is two folders up. tests/site/test_theme_overrides.py keeps the rest equal to Material's.
__md_scope=function(s){return s.dataset.scope?new URL(s.dataset.scope,location):new URL("../..",s.src)}(document.currentScript),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
