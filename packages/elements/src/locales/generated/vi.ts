
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's09079e8d89d487e6': `Giao dịch thanh toán chưa hoàn tất nên chưa có biên lai.`,
's0cbc560ba2cc46a2': `Yêu cầu này đã được gửi với thông tin khác. Vui lòng thực hiện lại từ đầu.`,
's3643189d1abbb7f4': `Mã thủ tục`,
's39426d8661632bb1': `Cấp xã`,
's3f2686d152c4ef7e': `Có quá nhiều yêu cầu. Vui lòng đợi giây lát rồi thử lại.`,
's426e2cb2e059a24f': `Dữ liệu gửi lên quá lớn.`,
's42a1ebe17efda727': `Lĩnh vực`,
's49c062b3b27c5a65': `Cấp tỉnh`,
's5ae2b52bfe660cd9': `Hệ thống gặp sự cố. Vui lòng thử lại sau.`,
's5d929ff1619ac0c9': `Tìm kiếm`,
's5dc2dc14e4fa9f0b': `Số tiền cần thanh toán đã thay đổi. Vui lòng xem lại số tiền mới trước khi thanh toán.`,
's61f94885dd775bec': `Không tìm thấy thông tin yêu cầu.`,
's6acde2f5acea56e6': str`Có quá nhiều yêu cầu. Vui lòng đợi ${0} giây rồi thử lại.`,
's6ebc9bd6feae62a3': `Đang tải…`,
's72f0fcea474cb4b5': `Khoản phí, lệ phí này đã được thanh toán.`,
's736157452e7fc7af': `Đã có lỗi xảy ra. Vui lòng thử lại.`,
's799486798a95f760': `Không tìm thấy thủ tục nào`,
's9396d3fcb6a42462': `Trực tuyến toàn trình`,
's98b4f5af96ab29f2': `Không thể kết nối tới hệ thống. Vui lòng kiểm tra kết nối Internet và thử lại.`,
'sa32286f4059beaec': str`Tìm thấy ${0} thủ tục`,
'saa8aa81ad6f055fd': `Cấp thực hiện`,
'sae7da8892c90cc94': `Hãy thử bớt từ khóa hoặc kiểm tra lại chính tả.`,
'sb4e6eedd3977dd15': str`Tìm thấy ${0} thủ tục`,
'sb6f8d58458948258': `Tìm thủ tục hành chính`,
'sc079a511c292d11e': `Một số thông tin đã nhập không hợp lệ. Vui lòng kiểm tra lại và thử lại.`,
'sc9bc6f3b4c486665': `Không tìm thấy hồ sơ khớp với mã hồ sơ và số định danh cá nhân đã nhập. Vui lòng kiểm tra lại và thử lại.`,
'scbffe5e657da05c6': `Khảo sát mức độ hài lòng không áp dụng cho hồ sơ này.`,
'scd1dd6ff53d0d01a': `Thử lại`,
'sd5e5428c3f2e78d6': `Trực tuyến một phần`,
'sd9149872a20cdefd': `Khảo sát của hồ sơ này đã được trả lời. Xin cảm ơn.`,
'sdf6bf01b6cc13a6d': `Hệ thống phản hồi quá lâu. Vui lòng thử lại.`,
'se0a2ad650561c101': `Không tìm thấy thủ tục này. Thủ tục có thể đã bị bãi bỏ hoặc thay thế.`,
'se96fd76ba1b2975a': `Trung ương`,
'sea37efe4a64632a7': `Không tìm thấy giao dịch thanh toán này.`,
'secd5495ad538da98': `Hồ sơ này hiện chưa có khoản nào cần thanh toán.`,
'sef8c599426dd7e95': `Dữ liệu gửi lên có định dạng không được hỗ trợ.`,
'sf783185ea89e8d2d': `Hệ thống tạm thời gián đoạn. Vui lòng thử lại sau ít phút.`,
'sfa002705f000a7b5': `Không đọc được dữ liệu hệ thống trả về. Vui lòng thử lại sau.`,
'sfe17c5a39bd110b1': `Cung cấp thông tin`,
    };
  