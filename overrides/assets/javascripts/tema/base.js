/* Material for MkDocs 9.8.1, partials/javascripts/base.html, moved from an inline <script> into this
   file so that the site runs under a Content-Security-Policy without 'unsafe-inline' for scripts
   (overrides/main.html). The one template value, the scope, comes from the script tag's data-scope. */
var __md_scope_attr = document.currentScript.getAttribute("data-scope");
__md_scope=new URL(__md_scope_attr,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
