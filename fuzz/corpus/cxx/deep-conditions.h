#ifdef M0
#include "b0.h"
#ifdef M1
#include "b1.h"
#ifdef M2
#include "b2.h"
#ifdef M3
#include "b3.h"
#ifdef M4
#include "b4.h"
#ifdef M5
#include "b5.h"
#ifdef M6
#include "b6.h"
#ifdef M7
#include "b7.h"
#ifdef M8
#include "b8.h"
#ifdef M9
#include "b9.h"
#ifdef M10
#include "b10.h"
#ifdef M11
#include "b11.h"
#ifdef M12
#include "b12.h"
#ifdef M13
#include "b13.h"
#ifdef M14
#include "b14.h"
#ifdef M15
#include "b15.h"
#ifdef M16
#include "b16.h"
#ifdef M17
#include "b17.h"
#ifdef M18
#include "b18.h"
#ifdef M19
#include "b19.h"
#ifdef M20
#include "b20.h"
#ifdef M21
#include "b21.h"
#ifdef M22
#include "b22.h"
#ifdef M23
#include "b23.h"
#ifdef M24
#include "b24.h"
#ifdef M25
#include "b25.h"
#ifdef M26
#include "b26.h"
#ifdef M27
#include "b27.h"
#ifdef M28
#include "b28.h"
#ifdef M29
#include "b29.h"
#ifdef M30
#include "b30.h"
#ifdef M31
#include "b31.h"
#ifdef M32
#include "b32.h"
#ifdef M33
#include "b33.h"
#ifdef M34
#include "b34.h"
#ifdef M35
#include "b35.h"
#ifdef M36
#include "b36.h"
#ifdef M37
#include "b37.h"
#ifdef M38
#include "b38.h"
#ifdef M39
#include "b39.h"
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#endif
#if A
#include "x.h"
#elif B0
#include "y.h"
#elif B1
#include "y.h"
#elif B2
#include "y.h"
#elif B3
#include "y.h"
#elif B4
#include "y.h"
#elif B5
#include "y.h"
#elif B6
#include "y.h"
#elif B7
#include "y.h"
#elif B8
#include "y.h"
#elif B9
#include "y.h"
#elif B10
#include "y.h"
#elif B11
#include "y.h"
#elif B12
#include "y.h"
#elif B13
#include "y.h"
#elif B14
#include "y.h"
#elif B15
#include "y.h"
#elif B16
#include "y.h"
#elif B17
#include "y.h"
#elif B18
#include "y.h"
#elif B19
#include "y.h"
#elif B20
#include "y.h"
#elif B21
#include "y.h"
#elif B22
#include "y.h"
#elif B23
#include "y.h"
#elif B24
#include "y.h"
#elif B25
#include "y.h"
#elif B26
#include "y.h"
#elif B27
#include "y.h"
#elif B28
#include "y.h"
#elif B29
#include "y.h"
#elif B30
#include "y.h"
#elif B31
#include "y.h"
#elif B32
#include "y.h"
#elif B33
#include "y.h"
#elif B34
#include "y.h"
#elif B35
#include "y.h"
#elif B36
#include "y.h"
#elif B37
#include "y.h"
#elif B38
#include "y.h"
#elif B39
#include "y.h"
#else
#include "z.h"
#endif
