import p from '../src/plugins/element.js'; console.log(p)
